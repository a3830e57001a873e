package org.aidline.notification.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a provider made of one send: taken (SENT, with its message id), try again later (RETRY,
 * perhaps after the provider's Retry-After), the device token is dead (RETIRE_DEVICE), or never
 * (FAILED).
 */
public record DeliveryOutcome(Kind kind, String detail, @Nullable String providerMessageId, @Nullable Duration retryAfter) {

    public enum Kind {
        SENT, RETRY, RETIRE_DEVICE, FAILED
    }

    public static DeliveryOutcome sent(@Nullable String providerMessageId, String detail) {
        return new DeliveryOutcome(Kind.SENT, detail, providerMessageId, null);
    }

    public static DeliveryOutcome retry(String detail, @Nullable Duration retryAfter) {
        return new DeliveryOutcome(Kind.RETRY, detail, null, retryAfter);
    }

    public static DeliveryOutcome retireDevice(String detail) {
        return new DeliveryOutcome(Kind.RETIRE_DEVICE, detail, null, null);
    }

    public static DeliveryOutcome failed(String detail) {
        return new DeliveryOutcome(Kind.FAILED, detail, null, null);
    }
}
