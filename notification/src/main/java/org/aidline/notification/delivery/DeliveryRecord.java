package org.aidline.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything known about one notification: where it went, each attempt, and when it was sent, delivered and acknowledged. */
public record DeliveryRecord(UUID id, UUID taskId, String recipient, DeliveryChannel channel, @Nullable String provider,
        NotificationStatus status, int attempts, Instant nextAttemptAt, @Nullable String providerMessageId,
        @Nullable String lastResponse, Instant createdAt, @Nullable Instant sentAt, @Nullable Instant deliveredAt,
        @Nullable Instant acknowledgedAt, @Nullable Instant failedAt, List<DeliveryAttempt> history) {

    public DeliveryRecord {
        history = List.copyOf(history);
    }
}
