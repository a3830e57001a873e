package org.aidline.intake.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.grant.FastTrackGrants;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.payment.PaymentsDue;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.triage.Decision;
import org.aidline.intake.triage.HouseholdHistory;
import org.aidline.intake.triage.Triage;
import org.aidline.intake.triage.TriageCase;
import org.aidline.intake.triage.TriageRules;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetrySpec;

/**
 * Files reports: each is triaged in the same request and, if it is an emergency, granted aid at
 * once; the report, its grant and its {@link ReportFiled} event are written by one statement.
 */
public class ReportFiling {

    /**
     * How a caller retries a filing that met a {@link FilingCollision}: the whole transaction the
     * filing ran in is rolled back, so the caller retries that transaction.
     */
    public static final RetrySpec RETRY_ON_COLLISION = Retry.max(3).filter(FilingCollision.class::isInstance);

    private final Reports reports;
    private final TriageRules rules;
    private final PersonalDataProtector protector;
    private final Clock clock;
    private final PaymentsDue paymentsDue;

    public ReportFiling(Reports reports, TriageRules rules, PersonalDataProtector protector, Clock clock) {
        this(reports, rules, protector, clock, PaymentsDue.NONE);
    }

    public ReportFiling(Reports reports, TriageRules rules, PersonalDataProtector protector, Clock clock,
            PaymentsDue paymentsDue) {
        this.reports = reports;
        this.rules = rules;
        this.protector = protector;
        this.clock = clock;
        this.paymentsDue = paymentsDue;
    }

    /**
     * Files the report: one read (policy and household), one write. Runs inside the caller's
     * transaction, if any, so that what the caller records beside it (an idempotency receipt)
     * commits with it; errors with a {@link FilingCollision} that the caller retries with
     * {@link #RETRY_ON_COLLISION}, or with {@link UnknownVillageException}.
     */
    public Mono<Report> file(NewReport filed) {
        // Deferred: each subscription (a retry) draws its own id, reference and time.
        return Mono.defer(() -> attempt(filed));
    }

    private Mono<Report> attempt(NewReport filed) {
        // PostgreSQL keeps microseconds: the report answered now must equal the report read later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Report received = Report.received(filed, ReportId.next(), ReportReference.random(), now);
        ProtectedResidentId idNumber = filed.subject().idNumber() == null ? null : protector.protect(filed.subject().idNumber());
        return reports.filingContext(filed.village().countyCode(), idNumber == null ? null : idNumber.householdKey(), now)
                .flatMap(context -> {
                    Policy policy = context.policy();
                    HouseholdHistory history = context.household();
                    TriageCase triageCase = received.triageCase(idNumber != null);
                    Triage triage = rules.triage(triageCase, history, policy);
                    Grant grant = triage.decision() == Decision.FAST_TRACK
                            ? FastTrackGrants.decide(received.id(), received.countyCode(), triageCase, policy, now)
                            : null;
                    Report report = received.triaged(triage, grant, now);
                    return reports.add(report, idNumber, ReportFiled.of(report, policy)).flatMap(added -> added
                            ? Mono.just(report)
                            : Mono.error(new UnknownVillageException(filed.village())));
                });
    }

    /** Once the filing's transaction committed: its payment instruction is sent now rather than at the next poll. */
    public void committed(Report report) {
        if (report.grant() != null && report.grant().isPayable()) {
            paymentsDue.paymentsDue();
        }
    }
}
