package org.aidline.intake.triage;

import java.util.List;
import java.util.Optional;
import org.aidline.intake.policy.Policy;

/** Categories the policy does not assist at all are rejected, with the reason. */
public final class ExcludedCategoryRule implements TriageRule {

    @Override
    public Optional<Triage> decide(TriageCase report, HouseholdHistory household, Policy policy) {
        return policy.excludedCategories().contains(report.category())
                ? Optional.of(new Triage(Decision.REJECTED, List.of(Reason.CATEGORY_EXCLUDED_BY_POLICY), policy.versionRef(), null))
                : Optional.empty();
    }
}
