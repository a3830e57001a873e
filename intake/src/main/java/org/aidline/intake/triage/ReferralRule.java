package org.aidline.intake.triage;

import java.util.List;
import java.util.Optional;
import org.aidline.intake.policy.Policy;

/** Categories another department handles are referred there, unless they are urgent emergencies. */
public final class ReferralRule implements TriageRule {

    @Override
    public Optional<Triage> decide(TriageCase report, HouseholdHistory household, Policy policy) {
        boolean emergency = report.urgent() && policy.fastTrackCategories().contains(report.category());
        return policy.referralCategories().contains(report.category()) && !emergency
                ? Optional.of(new Triage(Decision.REFERRAL, List.of(Reason.CATEGORY_REFERRED_BY_POLICY), policy.versionRef(), null))
                : Optional.empty();
    }
}
