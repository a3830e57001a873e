package org.aidline.intake.grant;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every fast-track grant. Each change is one statement guarded by the version and status it was
 * decided on, so a change decided on an old state is refused by the database, not merely in Java.
 */
public interface Grants {

    Mono<GrantCase> byId(GrantId id);

    /**
     * Stores {@code attached} (the {@code read} grant with more documents) with its report events,
     * if the grant still has the version and status it was read with. Emits the new version, or
     * nothing if the grant changed meanwhile.
     */
    Mono<Integer> attach(Grant read, Grant attached, List<ReportEvent> events);

    /**
     * Records the subject's identity on the report and, in the same statement, starts the
     * grant's documents clock (the deadline of the policy version the grant recorded), sets its
     * household and issues its payment instruction. Emits false if the grant changed meanwhile;
     * errors with {@link org.aidline.intake.report.HouseholdAlreadyGrantedException} when the
     * household already has a fast-track grant in the window.
     */
    Mono<Boolean> identify(Grant read, GrantStatus next, ProtectedResidentId idNumber, String actor, Instant at);

    /**
     * Records the identity, cancels the waiting grant (no money has moved: its entitlement is
     * reversed on the ledger) and makes the report a duplicate of the household's granted report.
     * Emits that report, or nothing if the grant changed or the other grant is gone meanwhile.
     */
    Mono<ReportId> cancelAsDuplicate(Grant read, ProtectedResidentId idNumber, String actor, Instant at);

    /** Records the identity on a report that has no grant waiting for it; false if it is already known. */
    Mono<Boolean> identifySubject(ReportId report, ProtectedResidentId idNumber, String actor, Instant at);

    /**
     * Claims up to {@code limit} grants whose documents were due at or before {@code now}, marks
     * them OVERDUE and escalates each to its county supervisor. Rows another sweep holds are
     * skipped, so concurrent sweeps never escalate a grant twice.
     */
    Flux<Escalation> escalateOverdue(Instant now, int limit);

    /** Grants of a status in a region, oldest due first, up to {@code limit + 1}. */
    Flux<GrantCase> withStatus(RegionScope region, GrantStatus status, @Nullable GrantCursor after, int limit);
}
