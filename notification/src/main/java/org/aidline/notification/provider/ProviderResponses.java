package org.aidline.notification.provider;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** What the providers have in common: Retry-After, and failures that never reached an answer. */
final class ProviderResponses {

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private ProviderResponses() {
    }

    /** Retry-After in seconds (the providers here do not send HTTP dates); null if absent or odd. */
    static @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** No answer at all (timeout, refused connection): the provider may come back, so try again. */
    static DeliveryOutcome unreachable(String provider, Throwable failure) {
        String reason = failure instanceof TimeoutException ? "timed out" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return DeliveryOutcome.retry(provider + " unreachable: " + reason, null);
    }

    static String abbreviate(@Nullable String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 500 ? body : body.substring(0, 500);
    }
}
