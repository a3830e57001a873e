package org.aidline.api.review.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a household that was granted aid in the window gets another fast-track grant now. */
@Schema(name = "OverrideRequest")
public record OverrideRequest(
        @Schema(example = "House destroyed by flood a week after the first grant") @NotBlank @Size(max = 2000) String reason) {
}
