package org.aidline.notification.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 12345 platform's work orders and the outbox of their changes. Each change is queued under a
 * key of its source (an event's id, a task event's sequence), so it is queued once however often
 * its source is read.
 */
public interface PlatformDeliveries {

    /**
     * Links the work orders to their reports and queues each one's RECEIVED change, with whatever
     * its coordinator task did already; in the caller's transaction.
     */
    Mono<Void> received(List<WorkOrder> orders);

    /** Queues the changes of reports that are work orders; the changes of other reports are not the platform's. */
    Mono<Void> changed(List<StatusChange> changes);

    /**
     * Queues the work orders' task changes ({@code types}: the task event types that matter) committed
     * since the last call, up to {@code limit} task events, moving the stored position in the same
     * transaction; emits how many task events were read (none when another instance is reading).
     */
    Mono<Integer> followTaskEvents(Map<String, PlatformChange> types, int limit);

    /**
     * Claims due deliveries until {@code leaseUntil}: only the oldest pending change of each order, so
     * that the platform hears of an order's changes in their order.
     */
    Flux<PlatformDelivery> claimDue(Instant now, Instant leaseUntil, UUID claim, int limit);

    /** Records what the webhook answered for a claimed delivery; nothing if the claim was lost meanwhile. */
    Mono<Void> delivered(UUID id, UUID claim, String response, Instant at);

    Mono<Void> retryAt(UUID id, UUID claim, String response, Instant retryAt);

    Mono<Void> failed(UUID id, UUID claim, String response, Instant at);

    /** Deliveries of reports in the region with this status, newest first, before the sequence {@code before} if given. */
    Flux<PlatformDelivery> inRegion(RegionScope region, DeliveryStatus status, @Nullable Long before, int limit);

    Mono<PlatformDelivery> find(RegionScope region, UUID id);

    /** Queues a dead letter of the region again, now; empty if it is not a dead letter there. */
    Mono<PlatformDelivery> requeue(RegionScope region, UUID id, Instant at);
}
