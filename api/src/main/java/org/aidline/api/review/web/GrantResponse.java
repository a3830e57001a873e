package org.aidline.api.review.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A fast-track grant as a reviewer sees it; amounts in yuan. The ETag header carries {@code version}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantResponse(
        String id,
        String reportId,
        String reportReference,
        String villageCode,
        String countyCode,
        @Schema(example = "AWAITING_DOCUMENTS") String status,
        @Schema(description = "Granted, yuan; 0 once revoked") BigDecimal amount,
        @Schema(description = "Requested above the cap, awaiting the county supervisor, yuan") BigDecimal awaitingApproval,
        @Schema(description = "Paid or being paid (payment minus recovery instructions that have not failed), yuan")
        BigDecimal paidOrBeingPaid,
        @Nullable String overrideReason,
        String policyCounty,
        int policyVersion,
        @Schema(description = "Optimistic-lock version; send as If-Match: \"<version>\" with a decision") int version,
        Instant updatedAt) {
}
