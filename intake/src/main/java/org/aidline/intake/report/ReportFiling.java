package org.aidline.intake.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.grant.FastTrackGrants;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.payment.PaymentsDue;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.triage.Decision;
import org.aidline.intake.triage.HouseholdHistory;
import org.aidline.intake.triage.Triage;
import org.aidline.intake.triage.TriageCase;
import org.aidline.intake.triage.TriageRules;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Files reports: each is triaged in the same request and, if it is an emergency, granted aid at
 * once; one report per request, however often the request is retried.
 */
public class ReportFiling {

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
     * Files the report. With a claim, the response the client will see is rendered before the
     * write and stored in the same statement, so a retry replays exactly what the first attempt
     * answered; if another request with the key committed first, its receipt is returned.
     */
    public Mono<FilingOutcome> file(NewReport filed, @Nullable IdempotencyClaim claim, Function<Report, String> responseBody) {
        return Mono.defer(() -> attempt(filed, claim, responseBody))
                // A taken reference is drawn again; a household granted meanwhile (another report, another
                // instance) is triaged again and comes out DUPLICATE.
                .retryWhen(Retry.max(3).filter(failure -> failure instanceof ReferenceTakenException
                        || failure instanceof HouseholdAlreadyGrantedException))
                // The grant's payment instruction is committed: send it now rather than at the next poll.
                .doOnNext(outcome -> {
                    if (outcome instanceof FilingOutcome.Filed done && done.report().grant() != null
                            && done.report().grant().isPayable()) {
                        paymentsDue.paymentsDue();
                    }
                })
                .onErrorResume(DuplicateReceiptException.class, duplicate -> claim == null
                        ? Mono.error(duplicate)
                        : reports.receipt(claim.owner(), claim.key()).map(FilingOutcome.AlreadyFiled::new));
    }

    private Mono<FilingOutcome> attempt(NewReport filed, @Nullable IdempotencyClaim claim, Function<Report, String> responseBody) {
        // PostgreSQL keeps microseconds: the report answered now must equal the report read later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Report received = Report.received(filed, ReportId.next(), ReportReference.random(), now);
        ProtectedResidentId idNumber = filed.subject().idNumber() == null ? null : protector.protect(filed.subject().idNumber());
        // Policy and household history in one read; the write that follows is the only other round trip.
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
            String body = claim == null ? null : responseBody.apply(report);
            return reports.add(report, idNumber, claim, body).flatMap(added -> added
                    ? Mono.just((FilingOutcome) new FilingOutcome.Filed(report))
                    : Mono.error(new UnknownVillageException(filed.village())));
        });
    }
}
