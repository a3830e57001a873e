package org.aidline.intake.triage;

import java.util.List;
import java.util.Optional;
import org.aidline.intake.policy.Policy;

/** Everything else goes to the normal review queue, saying why it is not fast-tracked. */
public final class StandardRule implements TriageRule {

    @Override
    public Optional<Triage> decide(TriageCase report, HouseholdHistory household, Policy policy) {
        Reason why = report.urgent() ? Reason.CATEGORY_NOT_FAST_TRACK : Reason.NOT_URGENT;
        return Optional.of(new Triage(Decision.STANDARD, List.of(why), policy.versionRef(), null));
    }
}
