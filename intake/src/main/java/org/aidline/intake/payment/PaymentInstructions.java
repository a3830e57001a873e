package org.aidline.intake.payment;

import java.time.Duration;
import java.time.Instant;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * All payment instructions. Every change is one guarded statement: a claim, an outcome and its
 * ledger entry and report event are written together or not at all.
 */
public interface PaymentInstructions {

    /**
     * Claims up to {@code limit} instructions due at {@code now} (pending, awaiting a result, or
     * whose previous claim's lease ran out), skipping rows another dispatcher is claiming; each
     * is held until {@code now + lease}.
     */
    Flux<ClaimedInstruction> claimDue(Instant now, Duration lease, int limit);

    /**
     * Marks the instruction PAID, appends its PAYMENT (+amount) or RECOVERY (-amount) ledger entry
     * and a PAID report event; emits false if it was already paid, so nothing is ledgered twice.
     */
    Mono<Boolean> paid(String referenceId, Instant at, String actor);

    /** Back to PENDING after a transient failure, one attempt more, due again at {@code nextAttemptAt}; only under this claim. */
    Mono<Boolean> retryLater(ClaimedInstruction claimed, Instant nextAttemptAt, String error, Instant at);

    /** SENT: the gateway has it; its status is asked at {@code checkAt} unless a callback settles it first. Only under this claim. */
    Mono<Boolean> awaitResult(ClaimedInstruction claimed, Instant checkAt, Instant at);

    /** FAILED under this claim, with the reason, and a PAYMENT_FAILED report event. */
    Mono<Boolean> refused(ClaimedInstruction claimed, String error, Instant at, String actor);

    /** FAILED on the gateway's later word (a callback), unless already paid or failed. */
    Mono<Boolean> refused(String referenceId, String error, Instant at, String actor);

    /** Back to PENDING and due now, from FAILED only, with a PAYMENT_RETRIED report event. */
    Mono<Boolean> requeue(PaymentId id, Instant at, String actor);

    Mono<PaymentInstruction> byId(PaymentId id);

    /** Instructions with this status in the region, newest first, up to {@code limit + 1}. */
    Flux<PaymentInstruction> withStatus(PaymentStatus status, RegionScope region, @Nullable PaymentCursor after, int limit);
}
