package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One event of the departments' feed, as sent. Every field is read as given and checked on its
 * own, so that one bad event is answered with its errors and the others still act; fields not
 * listed are ignored.
 */
@Schema(name = "RegistryEventRequest")
public record RegistryEventRequest(
        @Schema(description = "The event's id at its source: the same source and eventId act once, however often sent",
                example = "EDU-2025-000123", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String eventId,
        @Schema(description = "The source department", example = "EDUCATION", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String source,
        @Schema(description = "CARER_LOST, DISABILITY_CERTIFIED, DEATH or MEDICAL_BILL", example = "CARER_LOST",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String type,
        @Schema(description = "The person's resident ID number", example = "11010520150101002X", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String idNumber,
        @Schema(description = "The person's name, if the department gives it (else the report names the masked ID number)",
                example = "马小明") @Nullable String name,
        @Schema(description = "The village whose coordinator would visit", example = "640104001001",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String villageCode,
        @Schema(description = "The day it happened (ISO date)", example = "2025-03-01", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String occurredOn,
        @Schema(description = "MEDICAL_BILL: the out-of-pocket amount in fen", example = "1200000") @Nullable Long amountFen,
        @Schema(description = "What the department says of it", example = "Guardian sentenced; child lives with a neighbour")
        @Nullable String note) {
}
