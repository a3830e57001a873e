package org.aidline.intake.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The ordinary case's part of a county's policy: how much a township decides by itself (a fixed
 * sum, or by default 3x the monthly minimum-living standard, following it when it is raised),
 * which steps come before a decision, which of them an emergency does after payment instead, and
 * how long the county may overturn a township's filed decision.
 */
public record CaseRules(
        @Nullable Money fixedTownshipCap,
        boolean investigation,
        boolean meansTest,
        int noticeDays,
        boolean deliberation,
        Set<CaseStep> afterPayment,
        int filedDecisionReviewDays) {

    /** The township cap, when not fixed: this many times the monthly minimum-living standard. */
    public static final int TOWNSHIP_CAP_MULTIPLE = 3;
    public static final int LONGEST_NOTICE_DAYS = 30;
    public static final int LONGEST_REVIEW_DAYS = 90;

    /** The province default: investigation, means test and 7 days of notice; emergencies do the first two after payment. */
    public static final CaseRules DEFAULT = new CaseRules(null, true, true, 7, false, Set.of(CaseStep.INVESTIGATION, CaseStep.MEANS_TEST), 15);

    public CaseRules {
        afterPayment = afterPayment.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(afterPayment));
    }

    /** What a township decides by itself under a policy with this minimum-living standard. */
    public Money townshipCap(Money minimumLivingStandard) {
        return fixedTownshipCap != null ? fixedTownshipCap : Money.ofFen(Math.multiplyExact(minimumLivingStandard.fen(), TOWNSHIP_CAP_MULTIPLE));
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

    /** Every rule these break, named by the field of the policy's {@code ordinaryCase}. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (fixedTownshipCap != null && fixedTownshipCap.fen() <= 0) {
            found.add(new Violation("ordinaryCase.townshipCap", "must be more than 0"));
        }
        if (noticeDays < 0 || noticeDays > LONGEST_NOTICE_DAYS) {
            found.add(new Violation("ordinaryCase.noticeDays", "must be 0 (no notice) to " + LONGEST_NOTICE_DAYS));
        }
        if (filedDecisionReviewDays < 1 || filedDecisionReviewDays > LONGEST_REVIEW_DAYS) {
            found.add(new Violation("ordinaryCase.filedDecisionReviewDays", "must be 1 to " + LONGEST_REVIEW_DAYS));
        }
        for (CaseStep step : CaseStep.values()) {
            if (afterPayment.contains(step) && !required(step)) {
                found.add(new Violation("ordinaryCase.afterPayment", step + " is not a step of the ordinary case under this policy"));
            }
        }
        return found;
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
