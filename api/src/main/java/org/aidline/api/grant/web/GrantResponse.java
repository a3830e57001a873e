package org.aidline.api.grant.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A fast-track grant as clients see it: amounts in yuan, what is owed and what came in, times in UTC. Its ETag is in the header. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantResponse(
        String id,
        String reportId,
        String reportReference,
        String villageCode,
        String countyCode,
        @Schema(example = "AWAITING_DOCUMENTS") String status,
        @Schema(description = "Yuan granted and paid now") BigDecimal amount,
        @Schema(description = "Yuan of a larger request that waits for the county supervisor") BigDecimal awaitingApproval,
        List<String> requiredDocuments,
        List<GrantDocumentView> documents,
        @Schema(description = "Required documents not attached yet") List<String> missingDocuments,
        @Schema(description = "Absent while the subject's identity is unknown: the clock has not started") @Nullable Instant documentsDueAt,
        String policyCounty,
        int policyVersion,
        @Schema(description = "Why the grant was cancelled before any money moved") @Nullable String cancellationReason,
        Instant createdAt) {
}
