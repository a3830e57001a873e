package org.aidline.api.casework.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.aidline.api.problem.Problems;
import org.aidline.api.referral.web.ReferralView;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.casework.CaseDecision;
import org.aidline.intake.casework.CaseFile;
import org.aidline.intake.casework.DoneStep;
import org.aidline.intake.casework.Objection;
import org.aidline.intake.policy.CaseStep;
import org.springframework.stereotype.Component;

/** A case as the one asking may see it, refusal reasons in their language. */
@Component
public class CaseViews {

    private final Problems messages;
    private final Clock clock;

    CaseViews(Problems messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public CaseView of(CaseFile file, Actor reader, Locale locale) {
        boolean staff = reader.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR);
        Instant now = clock.instant();
        List<CaseView.StepView> steps = file.owedSteps().stream().map(step -> step(file, step, staff, now)).toList();
        List<CaseView.ObjectionView> objections = file.objections().stream().map(objection -> objection(objection, staff)).toList();
        List<CaseView.DecisionView> decisions = file.decisions().stream().map(decision -> decision(decision, locale)).toList();
        return new CaseView(file.reportId().toString(), file.version(), file.status().name(), file.kind().name(), file.stage(now),
                new CaseView.RulesView(file.townshipCap().yuan(), names(file.owedSteps()), file.rules().noticeDays(),
                        file.rules().deliberation(), names(file.rules().afterPaymentSteps()), file.rules().filedDecisionReviewDays()),
                steps, objections,
                file.standingDecision().map(decision -> decision(decision, locale)).orElse(null),
                file.waitingRecommendation().map(decision -> decision(decision, locale)).orElse(null),
                decisions, file.referrals().stream().map(ReferralView::of).toList());
    }

    private static CaseView.StepView step(CaseFile file, CaseStep step, boolean staff, Instant now) {
        DoneStep done = file.done(step).orElse(null);
        String state = file.state(step, now).name();
        if (done == null) {
            return new CaseView.StepView(step.name(), state, null, null, null, null);
        }
        // What a notice published is public by nature (masked as published); the rest of a step's outcome is for staff.
        var outcome = staff ? done.outcome() : step == CaseStep.NOTICE ? done.outcome() : null;
        return new CaseView.StepView(step.name(), state, staff ? done.actor() : null, done.at(), done.endsAt(), outcome);
    }

    private static CaseView.ObjectionView objection(Objection objection, boolean staff) {
        return new CaseView.ObjectionView(objection.id().toString(), objection.status().name(), objection.raisedAt(),
                staff ? objection.raisedBy() : null, staff ? objection.objector() : null, staff ? objection.statement() : null,
                staff ? objection.resolvedBy() : null, objection.resolvedAt(), staff ? objection.resolution() : null);
    }

    private CaseView.DecisionView decision(CaseDecision decision, Locale locale) {
        return new CaseView.DecisionView(decision.id().toString(), decision.kind().name(), decision.level().name(),
                decision.outcome().name(), decision.amount() == null ? null : decision.amount().yuan(),
                decision.refusal() == null ? null : decision.refusal().name(),
                decision.refusal() == null ? null : messages.message("refusal." + decision.refusal().name(), locale),
                decision.basis(), decision.note(), decision.decidedBy(), decision.decidedAt(),
                decision.grantId() == null ? null : decision.grantId().toString(),
                decision.filing() == null ? null : decision.filing().name(), decision.reviewUntil(), decision.reviewedBy(),
                decision.reviewedAt(), decision.reviewNote());
    }

    private static List<String> names(List<CaseStep> steps) {
        return steps.stream().map(CaseStep::name).toList();
    }
}
