package org.aidline.api.review.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The county supervisor's word on the part of a request above the cap. */
@Schema(name = "ApprovalRequest")
public record ApprovalRequest(
        @Schema(example = "true") @NotNull Boolean approve,
        @Schema(example = "Surgery invoice confirms the full amount") @NotBlank @Size(max = 2000) String reason) {
}
