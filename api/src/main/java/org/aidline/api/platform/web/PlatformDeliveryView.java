package org.aidline.api.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.aidline.notification.platform.DeliveryStatus;
import org.aidline.notification.platform.PlatformDelivery;
import org.jspecify.annotations.Nullable;

/** One change of a 12345 work order and how its delivery to the platform went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformDeliveryView(String id, String orderNumber, String reportId, String reportReference, String villageCode,
        String change, Instant at, Map<String, Object> details, String status, int attempts, @Nullable Instant nextAttemptAt,
        @Nullable String lastResponse, Instant createdAt, @Nullable Instant deliveredAt, @Nullable Instant failedAt) {

    static PlatformDeliveryView of(PlatformDelivery d) {
        boolean pending = d.status() == DeliveryStatus.PENDING;
        return new PlatformDeliveryView(d.id().toString(), d.orderNumber(), d.reportId().toString(), d.reportReference(), d.villageCode(),
                d.change().name(), d.occurredAt(), d.details(), d.status().name(), d.attempts(), pending ? d.nextAttemptAt() : null,
                d.lastResponse(), d.createdAt(), d.deliveredAt(), d.failedAt());
    }
}
