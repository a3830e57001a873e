package org.aidline.api.grant.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import org.aidline.api.report.web.ValidResidentId;

/** The subject's resident ID number, as the coordinator reads it at the visit. */
@Schema(name = "IdentityRequest")
public record IdentityRequest(
        @Schema(example = "11010519491231002X", description = "18 characters, check digit verified")
        @NotBlank @ValidResidentId String idNumber) {
}
