package org.aidline.notification.platform;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One status change of one work order on its way to the platform: what is sent (order number,
 * report reference, change, when, details) and how its delivery went. {@code sequence} orders the
 * changes of an order as they were queued.
 */
public record PlatformDelivery(
        UUID id,
        long sequence,
        String orderNumber,
        UUID reportId,
        String reportReference,
        String villageCode,
        PlatformChange change,
        Instant occurredAt,
        Map<String, Object> details,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastResponse,
        Instant createdAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant failedAt) {

    public PlatformDelivery {
        details = Map.copyOf(details);
    }
}
