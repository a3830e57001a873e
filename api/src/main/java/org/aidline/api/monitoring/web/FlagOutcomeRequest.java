package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.aidline.intake.monitoring.FlagVerdict;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;

/** What checking a flag found, as the county supervisor records it. */
@Schema(name = "FlagOutcomeRequest")
public record FlagOutcomeRequest(
        @Schema(description = "CLEARED: nothing wrong, the benefit stands; SUSPENDED: paused; ENDED: no longer eligible; "
                + "AMOUNT_CHANGED: eligible for another monthly amount (programme and newMonthlyAmountFen required)")
        @NotNull FlagVerdict outcome,
        @Schema(description = "The programme the outcome concerns; absent: every programme the person is enrolled in")
        @Nullable Programme programme,
        @Schema(description = "AMOUNT_CHANGED only: the new monthly amount in fen", example = "52000")
        @Nullable @PositiveOrZero Long newMonthlyAmountFen,
        @Schema(example = "Vehicle belongs to a relative; household income re-checked") @NotBlank @Size(max = 2000) String note) {
}
