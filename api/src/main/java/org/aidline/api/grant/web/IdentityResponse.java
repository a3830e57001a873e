package org.aidline.api.grant.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.aidline.api.report.web.ReportResponse;
import org.jspecify.annotations.Nullable;

/** What recording the identity led to, and the report as it now stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityResponse(
        @Schema(description = "IDENTIFIED: the grant's documents clock and payment started; "
                + "DUPLICATE: the household already had a fast-track grant in the window, this grant is cancelled",
                allowableValues = {"IDENTIFIED", "DUPLICATE"}) String outcome,
        @Schema(description = "With DUPLICATE: the household's granted report") @Nullable String linkedReport,
        ReportResponse report) {
}
