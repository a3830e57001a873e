package org.aidline.intake.casework;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The village's deliberation on the case: its outcome and how many were present, for and against. */
public record Deliberation(Verdict verdict, int present, int inFavour, int against, @Nullable String note) {

    public enum Verdict {
        SUPPORTED,
        NOT_SUPPORTED
    }

    public Deliberation {
        if (present < 1 || inFavour < 0 || against < 0 || inFavour + against > present) {
            throw new IllegalArgumentException("Votes for and against are at most the number present, at least 1");
        }
    }

    Map<String, Object> outcome() {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("verdict", verdict.name());
        outcome.put("present", present);
        outcome.put("inFavour", inFavour);
        outcome.put("against", against);
        if (note != null && !note.isBlank()) {
            outcome.put("note", note.strip());
        }
        return outcome;
    }
}
