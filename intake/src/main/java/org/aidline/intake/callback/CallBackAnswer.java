package org.aidline.intake.callback;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an operator records of one call: reached or not and, when reached, the person's satisfaction. */
public record CallBackAnswer(boolean reached, @Nullable Satisfaction satisfaction, @Nullable String note) {

    public static final int NOTE_LENGTH = 2000;

    /** Every rule the answer breaks, by the field of the request. */
    public List<CallBackViolation> violations() {
        List<CallBackViolation> found = new ArrayList<>();
        if (reached && satisfaction == null) {
            found.add(new CallBackViolation("satisfaction", "is required when the person was reached"));
        }
        if (!reached && satisfaction != null) {
            found.add(new CallBackViolation("satisfaction", "is only given when the person was reached"));
        }
        if (satisfaction == Satisfaction.UNSATISFIED && (note == null || note.isBlank())) {
            found.add(new CallBackViolation("note", "must say what the person is unsatisfied with: the report is reopened with it"));
        }
        if (note != null && note.length() > NOTE_LENGTH) {
            found.add(new CallBackViolation("note", "must be at most " + NOTE_LENGTH + " characters"));
        }
        return found;
    }

    public boolean reopens() {
        return satisfaction == Satisfaction.UNSATISFIED;
    }
}
