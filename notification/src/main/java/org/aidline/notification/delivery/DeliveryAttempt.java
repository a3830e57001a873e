package org.aidline.notification.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One try at a provider and what it answered. */
public record DeliveryAttempt(int attempt, Instant at, String provider, DeliveryOutcome.Kind outcome, @Nullable String response) {
}
