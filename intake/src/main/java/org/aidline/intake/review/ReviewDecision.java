package org.aidline.intake.review;

import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/** A supervisor's review: the outcome, the new amount for an adjustment, and the reason, always. */
public record ReviewDecision(ReviewOutcome outcome, @Nullable Money amount, String reason) {

    public ReviewDecision {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A review gives its reason");
        }
        if (outcome == ReviewOutcome.ADJUST && (amount == null || amount.fen() == 0)) {
            throw new IllegalArgumentException("An adjustment names the new amount, more than 0 (to pay nothing, revoke)");
        }
        if (outcome != ReviewOutcome.ADJUST && amount != null) {
            throw new IllegalArgumentException("Only an adjustment names an amount");
        }
        reason = reason.strip();
    }
}
