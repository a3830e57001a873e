package org.aidline.api.review.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.aidline.intake.review.ReviewOutcome;
import org.jspecify.annotations.Nullable;

/** A supervisor's review of a fast-track grant. */
@Schema(name = "ReviewRequest")
public record ReviewRequest(
        @Schema(example = "ADJUST") @NotNull ReviewOutcome outcome,
        @Schema(example = "1800.00", description = "The new amount in yuan: with ADJUST, and only with it")
        @Nullable @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount,
        @Schema(example = "Hospital bills show 1,800 yuan") @NotBlank @Size(max = 2000) String reason) {
}
