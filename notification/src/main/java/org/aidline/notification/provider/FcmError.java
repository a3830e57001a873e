package org.aidline.notification.provider;

import java.time.Duration;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.jspecify.annotations.Nullable;

/**
 * FCM HTTP v1 error codes and what each means for the message: a dead token is retired, a bad
 * message fails, an overloaded or broken service is tried again (after Retry-After if it says).
 */
enum FcmError {
    UNREGISTERED, SENDER_ID_MISMATCH, INVALID_ARGUMENT, QUOTA_EXCEEDED, UNAVAILABLE, INTERNAL, THIRD_PARTY_AUTH_ERROR,
    UNSPECIFIED_ERROR;

    static FcmError of(@Nullable String code) {
        if (code == null) {
            return UNSPECIFIED_ERROR;
        }
        try {
            return valueOf(code);
        } catch (IllegalArgumentException e) {
            return UNSPECIFIED_ERROR;
        }
    }

    DeliveryOutcome outcome(String detail, @Nullable Duration retryAfter) {
        switch (this) {
            case UNREGISTERED:
            case SENDER_ID_MISMATCH:
                return DeliveryOutcome.retireDevice(detail);
            case INVALID_ARGUMENT:
                return DeliveryOutcome.failed(detail);
            default:
                return DeliveryOutcome.retry(detail, retryAfter);
        }
    }
}
