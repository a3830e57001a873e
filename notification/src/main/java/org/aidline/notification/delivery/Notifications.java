package org.aidline.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox. Every outcome is recorded only by the holder of the claim, and with the attempt that led to it. */
public interface Notifications {

    /** Claims up to {@code limit} notifications due at {@code now} for {@code lease}; SKIP LOCKED, so instances share. */
    Flux<ClaimedNotification> claimDue(Instant now, Duration lease, int limit);

    /** Claims the notifications of these reports' tasks that are queued and due at {@code now}, as {@link #claimDue} would. */
    Flux<ClaimedNotification> claimQueuedFor(List<UUID> reportIds, Instant now, Duration lease);

    Mono<Boolean> sent(ClaimedNotification claimed, DeliveryOutcome outcome, Instant at);

    Mono<Boolean> retryAt(ClaimedNotification claimed, DeliveryOutcome outcome, Instant next, Instant at);

    /** Dead letter. With {@code retireDevice}, the device token is retired too and, if its owner has no device left, an SMS is queued. */
    Mono<Boolean> failed(ClaimedNotification claimed, DeliveryOutcome outcome, boolean retireDevice, Instant at);

    /** The app on the stream has the task: SENT becomes DELIVERED. */
    Mono<Long> delivered(UUID taskId, String recipient, Instant at);

    Flux<DeliveryRecord> ofTask(UUID taskId);

    Flux<DeliveryRecord> deadLetters(RegionScope region, @Nullable Instant before, int limit);

    /** A FAILED notification of the region is queued again, now; empty if there is none such. */
    Mono<DeliveryRecord> requeue(RegionScope region, UUID id, Instant at);
}
