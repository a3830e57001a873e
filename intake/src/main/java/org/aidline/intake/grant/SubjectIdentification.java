package org.aidline.intake.grant;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.report.HouseholdAlreadyGrantedException;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportQueries;
import org.aidline.intake.report.ResidentId;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Identity at the visit: a hotline report may lack the subject's ID number, and its grant waits
 * for it with no documents clock and no payment. The coordinator records it; the grant then
 * starts its clock and is paid, unless the household already had its fast-track grant in the
 * window, which PostgreSQL's exclusion constraint decides.
 */
public class SubjectIdentification {

    private final ReportQueries reports;
    private final Grants grants;
    private final PersonalDataProtector protector;
    private final Clock clock;

    public SubjectIdentification(ReportQueries reports, Grants grants, PersonalDataProtector protector, Clock clock) {
        this.reports = reports;
        this.grants = grants;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Records the ID number on the report. Empty if the actor may not see the report; errors with
     * {@link ActionNotAllowedException} or {@link IdentityAlreadyKnownException}.
     */
    public Mono<IdentityOutcome> record(ReportId id, ResidentId idNumber, Actor actor) {
        return Mono.defer(() -> reports.find(id, actor).flatMap(report -> record(report, idNumber, actor)))
                // Someone changed the grant between our read and our write: decide again on what is there now.
                .retryWhen(Retry.max(3).filter(ConcurrentChangeException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<IdentityOutcome> record(Report report, ResidentId idNumber, Actor actor) {
        if (!actor.worksIn(report.village(), Role.COORDINATOR, Role.SUPERVISOR)) {
            return Mono.error(new ActionNotAllowedException("Only the village's coordinator or the county's supervisor records an identity."));
        }
        if (report.subject().maskedIdNumber() != null) {
            return Mono.error(new IdentityAlreadyKnownException(report.id()));
        }
        ProtectedResidentId protectedId = protector.protect(idNumber);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        IdentityOutcome identified = new IdentityOutcome(IdentityOutcome.Kind.IDENTIFIED, report.id(), null);
        Grant grant = report.grant();
        if (grant == null || grant.status() != GrantStatus.AWAITING_IDENTITY) {
            return grants.identifySubject(report.id(), protectedId, actor.subject(), now)
                    .flatMap(done -> done ? Mono.just(identified) : Mono.error(new IdentityAlreadyKnownException(report.id())));
        }
        return grants.identify(grant, grant.statusOnceIdentified(), protectedId, actor.subject(), now)
                .flatMap(done -> done ? Mono.just(identified) : Mono.error(changed(grant)))
                .onErrorResume(HouseholdAlreadyGrantedException.class, granted ->
                        grants.cancelAsDuplicate(grant, protectedId, actor.subject(), now)
                                .map(linked -> new IdentityOutcome(IdentityOutcome.Kind.DUPLICATE, report.id(), linked))
                                .switchIfEmpty(Mono.error(() -> changed(grant))));
    }

    private static ConcurrentChangeException changed(Grant grant) {
        return new ConcurrentChangeException("Grant " + grant.id() + " changed while its identity was recorded");
    }
}
