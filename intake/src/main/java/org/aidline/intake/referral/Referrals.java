package org.aidline.intake.referral;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Partners and referrals as stored; each write appends the report's history in the same statement. */
public interface Referrals {

    Flux<Partner> partners();

    Mono<Partner> partner(String code);

    Mono<Referral> byId(UUID id);

    Flux<Referral> ofReport(ReportId report);

    /**
     * Writes the referral and its history event (a webhook partner's referral is its own outbox
     * entry, PENDING). Emits false when the report is no longer in a status that takes referrals;
     * errors with {@link ReferralConflictException} when the partner has this report open already.
     */
    Mono<Boolean> refer(Referral referral, Map<String, Object> detail);

    /** Writes the answer and its history event if the referral is still at {@code version}; false otherwise. */
    Mono<Boolean> answer(Referral answered, int version, Map<String, Object> detail);

    /** Claims PENDING deliveries that are due, each until {@code leaseUntil} (a crashed instance's claims are taken again after it). */
    Flux<ClaimedReferral> claimDue(Instant now, Instant leaseUntil, int limit);

    Mono<Void> delivered(UUID id, Instant at);

    /** A failed attempt: tried again at {@code retryAt}, or FAILED for good (with a history event) when it is null. */
    Mono<Void> deliveryFailed(UUID id, String error, Instant at, @Nullable Instant retryAt);

    /** Marks OPEN referrals past their answer's due time as escalated, with a history event each; emits them. */
    Flux<Referral> escalateOverdue(Instant now, int limit);
}
