package org.aidline.api.open311.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A service request as GET requests.json shows it. Nothing of the person: no name, ID number,
 * phone, household, description or exact location; the place is the village.
 */
@Schema(name = "Open311ServiceRequest")
public record ServiceRequestView(
        @JsonProperty("service_request_id") @Schema(example = "K7M-Q4X-PA", description = "The report's reference") String serviceRequestId,
        @Schema(example = "open", allowableValues = {"open", "closed"}) String status,
        @JsonProperty("status_notes") @Schema(example = "Emergency aid is granted; the documents follow and the village coordinator completes the case.")
        String statusNotes,
        @JsonProperty("service_name") @Schema(example = "Medical emergency") String serviceName,
        @JsonProperty("service_code") @Schema(example = "MEDICAL_EMERGENCY") String serviceCode,
        @JsonProperty("agency_responsible") @Schema(example = "Xingqing Civil Affairs Bureau") String agencyResponsible,
        @JsonProperty("requested_datetime") @Schema(example = "2026-11-29T10:15:30+08:00") String requestedDatetime,
        @JsonProperty("updated_datetime") @Schema(example = "2026-11-29T10:15:30+08:00") String updatedDatetime,
        @JsonProperty("expected_datetime") @Schema(example = "2026-12-04T17:30:00+08:00", description = "The handling deadline; absent while unknown")
        @Nullable String expectedDatetime,
        @Schema(example = "Village 001 (synthetic), Xingqing", description = "The village, never the household's address") String address,
        @JsonProperty("address_id") @Schema(example = "640104001001", description = "The village code") String addressId) {
}
