package org.aidline.intake.casework;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aidline.intake.money.Money;

/**
 * The ordinary case's part of a county's policy (kept with the policy's version): how much a
 * township decides by itself, which steps come before a decision, which of them an emergency does
 * after payment instead, and how long the county may overturn a township's filed decision.
 */
public record CaseRules(
        Money townshipCap,
        boolean investigation,
        boolean meansTest,
        int noticeDays,
        boolean deliberation,
        Set<CaseStep> afterPayment,
        int filedDecisionReviewDays) {

    public CaseRules {
        afterPayment = afterPayment.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(afterPayment));
    }

    /** The steps an ordinary case does before its decision, in order. */
    public List<CaseStep> beforeDecision() {
        List<CaseStep> steps = new ArrayList<>();
        for (CaseStep step : CaseStep.values()) {
            if (required(step)) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The steps an emergency does after it was paid, in order: those of the ordinary case the policy moves there. */
    public List<CaseStep> afterPaymentSteps() {
        return beforeDecision().stream().filter(afterPayment::contains).toList();
    }

    private boolean required(CaseStep step) {
        return switch (step) {
            case INVESTIGATION -> investigation;
            case MEANS_TEST -> meansTest;
            case NOTICE -> noticeDays > 0;
            case DELIBERATION -> deliberation;
        };
    }
}
