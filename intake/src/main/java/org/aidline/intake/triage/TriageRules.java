package org.aidline.intake.triage;

import java.util.List;
import org.aidline.intake.policy.Policy;

/** The rules in the order they apply; the first that decides wins, and the last always does. */
public final class TriageRules {

    private final List<TriageRule> rules = List.of(
            new ExcludedCategoryRule(),
            new HouseholdDuplicateRule(),
            new ReferralRule(),
            new FastTrackRule(),
            new StandardRule());

    public Triage triage(TriageCase report, HouseholdHistory household, Policy policy) {
        for (TriageRule rule : rules) {
            var decided = rule.decide(report, household, policy);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        throw new IllegalStateException("The standard rule always decides");
    }
}
