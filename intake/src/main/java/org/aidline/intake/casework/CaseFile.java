package org.aidline.intake.casework;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.CaseRules;
import org.aidline.intake.policy.CaseStep;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.referral.Referral;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;

/**
 * A report's case as its deciders work it: the steps its policy asks for and those done, the
 * objections to its notice, its decisions, and what its grant and coordinator's task stand at.
 * {@code version} is the report's: every change to the case moves it. {@code townshipCap} is what
 * the township decides by itself under the case's policy. {@code reopenings} counts the unsatisfied
 * call-backs that reopened it, each with a coordinator task of the next round.
 */
public record CaseFile(
        ReportId reportId,
        int version,
        ReportStatus status,
        CaseKind kind,
        VillageCode village,
        String filedBy,
        String subjectName,
        Category category,
        PolicyVersion policy,
        CaseRules rules,
        Money townshipCap,
        @Nullable UUID grantId,
        @Nullable GrantStatus grantStatus,
        List<DoneStep> steps,
        List<Objection> objections,
        List<CaseDecision> decisions,
        List<Referral> referrals,
        int reopenings) {

    public CaseFile {
        steps = List.copyOf(steps);
        objections = List.copyOf(objections);
        decisions = List.copyOf(decisions);
        referrals = List.copyOf(referrals);
    }

    /** How a step stands. */
    public enum StepState {
        PENDING,
        /** A notice that has opened and not yet ended. */
        RUNNING,
        DONE
    }

    /** This case with its referrals, as they stand. */
    public CaseFile withReferrals(List<Referral> current) {
        return new CaseFile(reportId, version, status, kind, village, filedBy, subjectName, category, policy, rules, townshipCap, grantId,
                grantStatus, steps, objections, decisions, current, reopenings);
    }

    /** The round of coordinator task the case waits for: 1, then one more for each reopening. */
    public int taskRound() {
        return reopenings + 1;
    }

    public boolean isVisibleTo(Actor actor) {
        return Report.isVisible(actor, filedBy, village);
    }

    public String countyCode() {
        return village.countyCode();
    }

    /** The steps this case owes, in order: an ordinary case's before its decision, an emergency's after payment. */
    public List<CaseStep> owedSteps() {
        return switch (kind) {
            case ORDINARY -> rules.beforeDecision();
            case EMERGENCY -> rules.afterPaymentSteps();
            case NONE -> List.of();
        };
    }

    public Optional<DoneStep> done(CaseStep step) {
        return steps.stream().filter(done -> done.step() == step).findFirst();
    }

    public StepState state(CaseStep step, Instant now) {
        return done(step).map(done -> !done.isSettled() ? StepState.PENDING : done.isRunning(now) ? StepState.RUNNING : StepState.DONE)
                .orElse(StepState.PENDING);
    }

    /** Whether steps may still be recorded: an ordinary case until it is decided, an emergency until it is closed. */
    public boolean takesSteps() {
        return (kind == CaseKind.ORDINARY && status == ReportStatus.IN_REVIEW)
                || (kind == CaseKind.EMERGENCY && status == ReportStatus.FAST_TRACKED);
    }

    /**
     * What keeps a decision from being made now, named as the problem names it: the first owed
     * step not done (a notice still running counts), then an unresolved objection; empty when none.
     */
    public Optional<String> blockingDecision(Instant now) {
        for (CaseStep step : owedSteps()) {
            if (state(step, now) != StepState.DONE) {
                return Optional.of(step.name());
            }
        }
        return objections.stream().anyMatch(Objection::isOpen) ? Optional.of("OBJECTION") : Optional.empty();
    }

    public Optional<CaseDecision> standingDecision() {
        return decisions.stream().filter(CaseDecision::stands).findFirst();
    }

    /** The township's recommendation the county has yet to decide on, if the case has no standing decision. */
    public Optional<CaseDecision> waitingRecommendation() {
        if (standingDecision().isPresent()) {
            return Optional.empty();
        }
        return decisions.stream().filter(decision -> decision.kind() == CaseDecision.Kind.RECOMMENDATION)
                .reduce((earlier, later) -> later);
    }

    /** Whether a county overturned a township decision of this case: the county decides it from then on. */
    public boolean wasOverturned() {
        return decisions.stream().anyMatch(decision -> decision.filing() == Filing.OVERTURNED);
    }

    /**
     * Whether the case has nothing left but its coordinator's task: an ordinary case decided, an
     * emergency whose grant the supervisor has confirmed or revoked and whose after-payment steps are
     * done, or a report referred at triage; and in every case no referral still waiting for its partner.
     */
    public boolean isDoneSaveTheTask(Instant now) {
        if (referrals.stream().anyMatch(referral -> referral.status().isOpen())) {
            return false;
        }
        if (status == ReportStatus.REOPENED) {
            // Everything but the task was done when it first closed; the reopened round's task is what is left.
            return true;
        }
        if (kind == CaseKind.ORDINARY) {
            // A grant the county took under review (it overturned the township's decision) waits for that review.
            return status == ReportStatus.DECIDED
                    && (grantStatus == null || grantStatus == GrantStatus.CONFIRMED || grantStatus == GrantStatus.REVOKED);
        }
        if (kind == CaseKind.EMERGENCY) {
            return status == ReportStatus.FAST_TRACKED
                    && (grantStatus == GrantStatus.CONFIRMED || grantStatus == GrantStatus.REVOKED)
                    && owedSteps().stream().allMatch(step -> state(step, now) == StepState.DONE);
        }
        return status == ReportStatus.REFERRED && !referrals.isEmpty();
    }

    /** Where the case stands, in one word for queues and apps. */
    public String stage(Instant now) {
        if (status == ReportStatus.CLOSED || status == ReportStatus.REOPENED) {
            return status.name();
        }
        if (kind == CaseKind.ORDINARY) {
            if (standingDecision().isPresent() || status == ReportStatus.DECIDED) {
                return "DECIDED";
            }
            if (waitingRecommendation().isPresent() || wasOverturned()) {
                return blockingDecision(now).orElse("COUNTY_DECISION");
            }
            return blockingDecision(now).orElse("DECISION");
        }
        if (kind == CaseKind.EMERGENCY) {
            return owedSteps().stream().filter(step -> state(step, now) != StepState.DONE).findFirst()
                    .map(CaseStep::name).orElse("AFTER_PAYMENT_STEPS_DONE");
        }
        return status.name();
    }
}
