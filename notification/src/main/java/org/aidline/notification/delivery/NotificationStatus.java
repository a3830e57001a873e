package org.aidline.notification.delivery;

/**
 * Where a notification stands, after RapidPro's message states: QUEUED, SENDING (claimed under a
 * lease), SENT (the provider took it), DELIVERED (the app has it), ACKNOWLEDGED, ERRORED (tried
 * again at its next attempt time), FAILED (dead letter) and CANCELLED (the task moved on first).
 */
public enum NotificationStatus {
    QUEUED, SENDING, SENT, DELIVERED, ACKNOWLEDGED, ERRORED, FAILED, CANCELLED
}
