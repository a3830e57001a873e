package org.aidline.api.notification.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One notification: channel, provider, state, every attempt with the provider's answer, and its times. */
public record DeliveryView(
        String id,
        String taskId,
        String recipient,
        String channel,
        @Nullable String provider,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String providerMessageId,
        @Nullable String lastResponse,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant failedAt,
        List<AttemptView> history) {

    public record AttemptView(int attempt, Instant at, String provider, String outcome, @Nullable String response) {
    }
}
