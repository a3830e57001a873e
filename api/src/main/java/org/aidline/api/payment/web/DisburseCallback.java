package org.aidline.api.payment.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** G2P Connect's on-disburse callback: the results of disbursements the gateway accepted earlier. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisburseCallback(@Valid @NotNull Header header, @Valid @NotNull Message message) {

    /** The callback's message header. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Header(
            @JsonProperty("message_id") @NotBlank @Size(max = 255) String messageId,
            @JsonProperty("message_ts") @Nullable String messageTs,
            @Schema(example = "on-disburse") @NotNull @Pattern(regexp = "on-disburse") String action,
            @Nullable String status) {
    }

    /** The results, one per disbursement. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(
            @JsonProperty("transaction_id") @Nullable String transactionId,
            @JsonProperty("disbursements_status") @NotEmpty @Size(max = 1000) List<@Valid @NotNull Result> disbursementsStatus) {
    }

    /** One disbursement's result: SUCC paid, RJCT refused (with a reason code), RCVD or PDNG not yet known. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(
            @JsonProperty("reference_id") @NotBlank @Size(max = 255) String referenceId,
            @Schema(example = "SUCC") @NotNull @Pattern(regexp = "RCVD|PDNG|SUCC|RJCT") String status,
            @JsonProperty("status_reason_code") @Nullable @Size(max = 255) String statusReasonCode,
            @JsonProperty("status_reason_message") @Nullable @Size(max = 999) String statusReasonMessage,
            @Nullable String timestamp) {
    }
}
