package org.aidline.intake.referral;

import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/** A partner's answer: ACCEPTED, DECLINED or DONE, with a note and, when it paid the household, the amount. */
public record ReferralAnswer(ReferralStatus outcome, @Nullable String note, @Nullable Money amount) {

    public ReferralAnswer {
        if (outcome == ReferralStatus.OPEN) {
            throw new IllegalArgumentException("An answer is ACCEPTED, DECLINED or DONE");
        }
        if (amount != null && outcome != ReferralStatus.DONE) {
            throw new IllegalArgumentException("Only a DONE answer says what was paid");
        }
        if (amount != null && amount.fen() <= 0) {
            throw new IllegalArgumentException("An amount paid is more than 0");
        }
    }
}
