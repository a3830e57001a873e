package org.aidline.api.callback.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.aidline.intake.callback.CallBackAnswer;
import org.aidline.intake.callback.Satisfaction;
import org.jspecify.annotations.Nullable;

/** One call back to the person of a closed report. */
public record CallBackRequest(
        @Schema(description = "Whether the person was reached", example = "true") @NotNull @Nullable Boolean reached,
        @Schema(description = "Their answer, when reached; UNSATISFIED reopens the report with a new coordinator task and needs a note",
                example = "BASICALLY_SATISFIED") @Nullable Satisfaction satisfaction,
        @Schema(example = "The subsidy arrived; the family asks when the next visit is.") @Size(max = CallBackAnswer.NOTE_LENGTH) @Nullable String note) {

    CallBackAnswer answer() {
        return new CallBackAnswer(Boolean.TRUE.equals(reached), satisfaction, note == null || note.isBlank() ? null : note);
    }
}
