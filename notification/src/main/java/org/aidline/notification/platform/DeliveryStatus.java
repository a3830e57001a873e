package org.aidline.notification.platform;

/** Where a change stands on its way to the platform. */
public enum DeliveryStatus {
    /** Queued, being sent, or waiting for its next attempt. */
    PENDING,
    /** The platform's webhook took it (2xx). */
    DELIVERED,
    /** Refused for good or out of attempts: a dead letter, for a supervisor to send again. */
    FAILED
}
