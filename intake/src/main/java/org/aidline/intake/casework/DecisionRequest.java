package org.aidline.intake.casework;

import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a decider decides: a grant of an amount, or a refusal with its reason (the written refusal
 * the citizen reads); the basis (the rule applied) and a note are the decider's own words.
 */
public record DecisionRequest(Outcome outcome, @Nullable Money amount, @Nullable RefusalReason reason, @Nullable String basis,
        @Nullable String note) {

    public DecisionRequest {
        if (outcome == Outcome.GRANT && (amount == null || amount.fen() <= 0)) {
            throw new IllegalArgumentException("A grant names its amount, more than 0");
        }
        if (outcome == Outcome.REFUSE && reason == null) {
            throw new IllegalArgumentException("A refusal gives its reason");
        }
        if (outcome == Outcome.REFUSE && amount != null) {
            throw new IllegalArgumentException("A refusal grants no amount");
        }
        if (reason == RefusalReason.OTHER && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("A refusal for another reason states it in the note");
        }
    }
}
