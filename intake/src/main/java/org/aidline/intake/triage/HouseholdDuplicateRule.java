package org.aidline.intake.triage;

import java.util.List;
import java.util.Optional;
import org.aidline.intake.policy.Policy;

/**
 * A household gets one fast-track grant per policy window and one open case at a time: a new
 * report for it is a duplicate, linked to what is already there.
 */
public final class HouseholdDuplicateRule implements TriageRule {

    @Override
    public Optional<Triage> decide(TriageCase report, HouseholdHistory household, Policy policy) {
        if (household.grantedWithinWindow().isPresent()) {
            return Optional.of(new Triage(Decision.DUPLICATE, List.of(Reason.HOUSEHOLD_GRANTED_WITHIN_WINDOW),
                    policy.versionRef(), household.grantedWithinWindow().get()));
        }
        return household.openCase().map(open ->
                new Triage(Decision.DUPLICATE, List.of(Reason.HOUSEHOLD_HAS_OPEN_CASE), policy.versionRef(), open));
    }
}
