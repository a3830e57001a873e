package org.aidline.api.open311.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** One service of GET services.json: a report category. */
@Schema(name = "Open311Service")
public record ServiceView(
        @JsonProperty("service_code") @Schema(example = "MEDICAL_EMERGENCY") String serviceCode,
        @JsonProperty("service_name") @Schema(example = "Medical emergency") String serviceName,
        String description,
        @Schema(description = "Always true: every service needs the attributes of its definition") boolean metadata,
        @Schema(example = "realtime") String type,
        String keywords,
        @Schema(example = "Emergencies") String group) {
}
