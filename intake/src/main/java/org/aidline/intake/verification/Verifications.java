package org.aidline.intake.verification;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.ReportCursor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The searches owed to registries for granted households. */
public interface Verifications {

    /** Opens one search per registry for grants whose household is known and not yet verified; emits how many grants. */
    Mono<Long> startFor(List<String> registries, Instant now, int limit);

    /** Claims searches that are due, each until {@code leaseUntil}: a crashed instance's claims are taken again after it. */
    Flux<DueVerification> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Records a final answer and sums the grant's verification up; emits the grant's status after it. */
    Mono<VerificationStatus> answer(DueVerification search, VerificationStatus status, List<Finding> findings, String note, Instant now);

    /** Grants of a region with this verdict, most recently changed first, up to {@code limit + 1}. */
    Flux<GrantVerification> inRegion(RegionScope region, VerificationStatus status, @Nullable ReportCursor after, int limit);

    /** Puts a search back to be asked again at {@code nextAttemptAt}. */
    Mono<Void> askAgainAt(DueVerification search, String reason, Instant nextAttemptAt, Instant now);
}
