package org.aidline.intake.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aidline.intake.policy.Policy;

/** Aid first, paperwork afterwards: an urgent report in a fast-track category is granted now. */
public final class FastTrackRule implements TriageRule {

    @Override
    public Optional<Triage> decide(TriageCase report, HouseholdHistory household, Policy policy) {
        if (!report.urgent() || !policy.fastTrackCategories().contains(report.category())) {
            return Optional.empty();
        }
        List<Reason> reasons = new ArrayList<>(List.of(Reason.URGENT_FAST_TRACK_CATEGORY));
        if (!household.known()) {
            reasons.add(Reason.IDENTITY_UNKNOWN_HOUSEHOLD_NOT_CHECKED);
        }
        if (report.requestedAmount() == null) {
            reasons.add(Reason.STANDARD_AMOUNT_APPLIED);
        } else if (report.requestedAmount().compareTo(policy.cap()) > 0) {
            reasons.add(Reason.REQUEST_ABOVE_CAP);
        }
        return Optional.of(new Triage(Decision.FAST_TRACK, reasons, policy.versionRef(), null));
    }
}
