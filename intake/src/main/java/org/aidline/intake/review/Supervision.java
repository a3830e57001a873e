package org.aidline.intake.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.grant.FastTrackGrants;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.policy.Jurisdiction;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.policy.Policies;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportStatus;
import org.aidline.intake.report.Reports;
import org.aidline.intake.triage.Decision;
import org.aidline.intake.triage.HouseholdHistory;
import org.aidline.intake.triage.Triage;
import org.aidline.intake.triage.TriageCase;
import org.aidline.intake.triage.TriageRules;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The county supervisor's decisions on fast-track aid. Each is read, checked and written in one
 * statement guarded by the grant's version, so two supervisors (or two instances) can never both
 * decide on the same state; a repeated request finds the state moved on and is refused, so a
 * retry never pays twice.
 */
public class Supervision {

    private final GrantsUnderReview grants;
    private final Reports reports;
    private final Policies policies;
    private final TriageRules rules;
    private final Clock clock;

    public Supervision(GrantsUnderReview grants, Reports reports, Policies policies, TriageRules rules, Clock clock) {
        this.grants = grants;
        this.reports = reports;
        this.policies = policies;
        this.rules = rules;
        this.clock = clock;
    }

    /** The grant if the actor may see it; {@link ReviewTargetNotFoundException} otherwise. */
    public Mono<GrantUnderReview> find(GrantId id, Actor actor) {
        return grants.byId(id)
                .filter(grant -> grant.isVisibleTo(actor))
                .switchIfEmpty(Mono.error(() -> new ReviewTargetNotFoundException("No grant with this id, or you may not see it.")));
    }

    /** Confirms, adjusts or revokes the grant. {@code expectedVersion}, if given, is the version the supervisor decided on. */
    public Mono<GrantUnderReview> review(GrantId id, ReviewDecision decision, Actor supervisor, @Nullable Integer expectedVersion) {
        return decide(id, supervisor, expectedVersion, (grant, at) -> ReviewRules.review(grant, decision, supervisor.subject(), at));
    }

    /** Pays or refuses the part of the request above the cap. */
    public Mono<GrantUnderReview> decideApproval(GrantId id, ApprovalDecision decision, Actor supervisor, @Nullable Integer expectedVersion) {
        return decide(id, supervisor, expectedVersion, (grant, at) -> ReviewRules.approval(grant, decision, supervisor.subject(), at));
    }

    private Mono<GrantUnderReview> decide(GrantId id, Actor supervisor, @Nullable Integer expectedVersion,
            BiFunction<GrantUnderReview, Instant, GrantChange> rule) {
        return find(id, supervisor).flatMap(grant -> {
            if (!Jurisdiction.covers(supervisor, grant.countyCode(), Role.SUPERVISOR)) {
                return Mono.error(new OutsideJurisdictionException("Only a supervisor of county " + grant.countyCode() + " decides on its grants."));
            }
            if (expectedVersion != null && expectedVersion != grant.version()) {
                return Mono.error(new StaleVersionException(grant.version()));
            }
            GrantChange change = rule.apply(grant, now());
            return grants.apply(change).flatMap(applied -> applied
                    ? Mono.just(change.after())
                    : Mono.error(new ConcurrentChangeException()));
        });
    }

    /**
     * Grants a duplicate report after all: the one-grant-per-household rule is the only one set
     * aside, so the report must be one that triage would fast-track as the household's first.
     * The grant follows the policy in force now.
     */
    public Mono<Report> overrideDuplicate(ReportId id, String reason, Actor supervisor) {
        return reports.byId(id)
                .filter(report -> report.isVisibleTo(supervisor))
                .switchIfEmpty(Mono.error(() -> new ReviewTargetNotFoundException("No report with this id, or you may not see it.")))
                .flatMap(report -> {
                    if (!Jurisdiction.covers(supervisor, report.countyCode(), Role.SUPERVISOR)) {
                        return Mono.error(new OutsideJurisdictionException("Only a supervisor of county " + report.countyCode()
                                + " overrides the one-grant-per-household rule."));
                    }
                    if (report.status() != ReportStatus.DUPLICATE) {
                        return Mono.error(new ReviewConflictException("Only a duplicate report is granted by override; this one is "
                                + report.status() + "."));
                    }
                    return policies.inForce(report.countyCode()).flatMap(policy -> {
                        TriageCase triageCase = report.triageCase(report.subject().maskedIdNumber() != null);
                        Triage asFirst = rules.triage(triageCase, HouseholdHistory.none(), policy);
                        if (asFirst.decision() != Decision.FAST_TRACK) {
                            return Mono.error(new ReviewConflictException("Even as the household's first report this one would not be "
                                    + "fast-tracked (" + asFirst.decision() + ": " + asFirst.reasons() + ")."));
                        }
                        Instant at = now();
                        Grant grant = FastTrackGrants.decide(report.id(), report.countyCode(), triageCase, policy, at);
                        return grants.override(override(report, grant, reason.strip(), supervisor.subject(), at))
                                .flatMap(done -> done ? reports.byId(id) : Mono.error(new ConcurrentChangeException()));
                    });
                });
    }

    private static FastTrackOverride override(Report report, Grant grant, String reason, String supervisor, Instant at) {
        PaymentOrder order = grant.isPayable() && grant.amount().fen() > 0 ? PaymentOrder.payment(grant.amount()) : null;
        Map<String, Object> overridden = new LinkedHashMap<>();
        overridden.put("rule", "ONE_FAST_TRACK_GRANT_PER_HOUSEHOLD");
        overridden.put("reason", reason);
        overridden.put("supervisor", supervisor);
        overridden.put("policy", grant.policy().toString());
        if (report.triage() != null && report.triage().linkedReport() != null) {
            overridden.put("linkedReport", report.triage().linkedReport().toString());
        }
        Map<String, Object> granted = new LinkedHashMap<>();
        granted.put("grant", grant.id().toString());
        granted.put("amountFen", grant.amount().fen());
        granted.put("status", grant.status().name());
        if (grant.awaitingApproval().fen() > 0) {
            granted.put("awaitingApprovalFen", grant.awaitingApproval().fen());
        }
        return new FastTrackOverride(grant, reason, supervisor, at, order, overridden, granted);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
