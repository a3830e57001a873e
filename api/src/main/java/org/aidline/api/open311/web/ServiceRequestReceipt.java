package org.aidline.api.open311.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** What POST requests.json answers (in an array, as the spec does). */
@Schema(name = "Open311ServiceRequestReceipt")
public record ServiceRequestReceipt(
        @JsonProperty("service_request_id") @Schema(example = "K7M-Q4X-PA") String serviceRequestId,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("account_id") @Schema(description = "The filing citizen's account: the token's subject") String accountId) {
}
