package org.aidline.intake.monitoring;

import java.util.regex.Pattern;
import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A supervisor's outcome for a flag's report: the verdict, the programme it concerns (null: every
 * programme of the person), the new monthly amount of an AMOUNT_CHANGED verdict, and why.
 */
public record FlagClosing(FlagVerdict verdict, @Nullable String programme, @Nullable Money newAmount, String note) {

    private static final Pattern PROGRAMME = Pattern.compile("[A-Z][A-Z_]{0,39}");

    public FlagClosing {
        note = note.strip();
        if (note.isEmpty()) {
            throw new IllegalArgumentException("An outcome says what the check found");
        }
        if (programme != null && !PROGRAMME.matcher(programme).matches()) {
            throw new IllegalArgumentException("A programme is a code such as MINIMUM_LIVING");
        }
        // A new amount only means something for one programme, and only for that verdict.
        if (verdict == FlagVerdict.AMOUNT_CHANGED && (newAmount == null || programme == null)) {
            throw new IllegalArgumentException("AMOUNT_CHANGED names the programme and its new monthly amount");
        }
        if (verdict != FlagVerdict.AMOUNT_CHANGED && newAmount != null) {
            throw new IllegalArgumentException("Only AMOUNT_CHANGED carries an amount");
        }
    }
}
