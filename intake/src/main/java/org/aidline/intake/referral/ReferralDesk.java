package org.aidline.intake.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportStatus;
import org.aidline.intake.report.Reports;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refers cases to partners and records their answers. A referral may run beside a grant (the
 * county's aid and a charity's together); a partner has at most one open referral per report.
 */
public class ReferralDesk {

    /** Reports a referral may be made from: being worked on, referred at triage, or decided and being completed. */
    private static final Set<ReportStatus> REFERRABLE = Set.of(ReportStatus.IN_REVIEW, ReportStatus.FAST_TRACKED, ReportStatus.REFERRED,
            ReportStatus.DECIDED);

    private final Referrals referrals;
    private final Reports reports;
    private final Duration answerWithin;
    private final Clock clock;

    /** {@code answerWithin}: how long a partner has to answer before the referral escalates. */
    public ReferralDesk(Referrals referrals, Reports reports, Duration answerWithin, Clock clock) {
        this.referrals = referrals;
        this.reports = reports;
        this.answerWithin = answerWithin;
        this.clock = clock;
    }

    public Flux<Partner> partners() {
        return referrals.partners();
    }

    /** Staff of the village's region (a coordinator or supervisor) refer the report to a partner, with the reason. */
    public Mono<Referral> refer(ReportId id, String partnerCode, String reason, Actor actor) {
        return reports.byId(id)
                .filter(report -> report.isVisibleTo(actor))
                .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException("No report with this id, or you may not see it.")))
                .flatMap(report -> {
                    if (!actor.worksIn(report.village(), Role.COORDINATOR, Role.SUPERVISOR)) {
                        return Mono.error(new OutsideJurisdictionException("Only coordinators and supervisors of the village's region refer "
                                + "its reports."));
                    }
                    if (!REFERRABLE.contains(report.status())) {
                        return Mono.error(new ReferralConflictException("A report that is " + report.status() + " is not referred."));
                    }
                    return referrals.partner(partnerCode)
                            .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException("No partner " + partnerCode
                                    + "; GET /api/v1/partners lists them.")))
                            .flatMap(partner -> write(report, partner, reason.strip(), actor));
                });
    }

    private Mono<Referral> write(Report report, Partner partner, String reason, Actor actor) {
        Instant now = now();
        Referral referral = new Referral(UUID.randomUUID(), report.id(), partner.code(), report.village(), reason, ReferralStatus.OPEN,
                actor.subject(), now, now.plus(answerWithin), null, null, null, null, null,
                partner.channel() == Partner.Channel.WEBHOOK ? Delivery.PENDING : Delivery.MANUAL, 0, null, null, 0);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("referral", referral.id().toString());
        detail.put("partner", partner.code());
        detail.put("channel", partner.channel().name());
        detail.put("reason", reason);
        detail.put("answerDueAt", referral.answerDueAt().toString());
        return referrals.refer(referral, detail).flatMap(done -> done
                ? referrals.byId(referral.id())
                : Mono.error(new ReferralConflictException("The report changed meanwhile; it is not referred.")));
    }

    /** The referral if the actor may see it: staff of its region, or its partner. */
    public Mono<Referral> find(UUID id, Actor actor) {
        return referrals.byId(id)
                .filter(referral -> mayRead(referral, actor))
                .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException("No referral with this id, or you may not see it.")));
    }

    /** The partner answers (or a supervisor of the region records its answer). */
    public Mono<Referral> answer(UUID id, ReferralAnswer answer, Actor actor) {
        return find(id, actor).flatMap(referral -> {
            if (!actor.isPartner(referral.partner()) && !actor.worksIn(referral.village(), Role.SUPERVISOR)) {
                return Mono.error(new OutsideJurisdictionException("Only the partner " + referral.partner()
                        + " or a supervisor of the village's region answers this referral."));
            }
            if (!referral.status().isOpen() || (referral.status() == ReferralStatus.ACCEPTED && answer.outcome() == ReferralStatus.ACCEPTED)) {
                return Mono.error(new ReferralConflictException("The referral is " + referral.status() + "; it takes no "
                        + answer.outcome() + " answer."));
            }
            Instant now = now();
            Referral answered = new Referral(referral.id(), referral.reportId(), referral.partner(), referral.village(), referral.reason(),
                    answer.outcome(), referral.referredBy(), referral.referredAt(), referral.answerDueAt(), referral.escalatedAt(),
                    actor.subject(), now, answer.note() == null || answer.note().isBlank() ? null : answer.note().strip(), answer.amount(),
                    referral.delivery(), referral.deliveryAttempts(), referral.deliveredAt(), referral.lastDeliveryError(),
                    referral.version());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("referral", referral.id().toString());
            detail.put("partner", referral.partner());
            detail.put("outcome", answer.outcome().name());
            if (answered.note() != null) {
                detail.put("note", answered.note());
            }
            if (answer.amount() != null) {
                // Paid by the partner (a charity): in the household's history and the statistics, not on the county's ledger.
                detail.put("paidByPartnerFen", answer.amount().fen());
            }
            return referrals.answer(answered, referral.version(), detail).flatMap(done -> done
                    ? referrals.byId(id)
                    : Mono.error(new ReferralConflictException("The referral was answered at the same moment; read it again.")));
        });
    }

    public Flux<Referral> ofReport(ReportId report) {
        return referrals.ofReport(report);
    }

    /** Escalates the referrals whose answer is overdue now; emits them. */
    public Flux<Referral> escalateOverdue(int limit) {
        return referrals.escalateOverdue(now(), limit);
    }

    private static boolean mayRead(Referral referral, Actor actor) {
        return actor.isPartner(referral.partner())
                || actor.worksIn(referral.village(), Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
