package org.aidline.api.payment.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The messages of the G2P Connect disbursement API, as far as Aidline uses them: a header with
 * the message id and action, and a disburse or transaction-status message.
 */
final class G2p {

    static final String VERSION = "1.0.0";
    static final String CURRENCY = "CNY";
    static final String DUPLICATE_REFERENCE = "rjct.reference_id.duplicate";

    private G2p() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Envelope<T>(Header header, T message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Header(
            String version,
            @JsonProperty("message_id") String messageId,
            @JsonProperty("message_ts") Instant messageTs,
            String action,
            @JsonProperty("sender_id") String senderId,
            @JsonProperty("receiver_id") String receiverId,
            @JsonProperty("total_count") int totalCount) {
    }

    record DisburseRequest(@JsonProperty("transaction_id") String transactionId, List<DisbursementItem> disbursements) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DisbursementItem(
            @JsonProperty("reference_id") String referenceId,
            @JsonProperty("payer_fa") String payerFa,
            @JsonProperty("payee_fa") String payeeFa,
            String amount,
            @JsonProperty("currency_code") String currencyCode,
            String note,
            String purpose) {
    }

    record TxnStatusRequest(@JsonProperty("transaction_id") String transactionId,
            @JsonProperty("txnstatus_request") TxnStatusQuery txnstatusRequest) {
    }

    record TxnStatusQuery(
            @JsonProperty("reference_id") String referenceId,
            @JsonProperty("txn_type") String txnType,
            @JsonProperty("attribute_type") String attributeType,
            @JsonProperty("attribute_value") List<String> attributeValue) {
    }

    /** Any answer of the gateway: a disburse response, a status response or a bare acknowledgement. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reply(@Nullable ReplyHeader header, @Nullable ReplyMessage message) {

        /** The status of the disbursement with this reference, wherever the answer carries it. */
        @Nullable ItemStatus item(String referenceId) {
            List<ItemStatus> items = items();
            if (items == null) {
                return null;
            }
            return items.stream().filter(item -> referenceId.equals(item.referenceId())).findFirst().orElse(null);
        }

        /** Every disbursement status in the answer, by reference (a bulk answer carries one per transaction). */
        java.util.Map<String, ItemStatus> byReference() {
            List<ItemStatus> items = items();
            java.util.Map<String, ItemStatus> statuses = new java.util.HashMap<>();
            if (items != null) {
                for (ItemStatus item : items) {
                    if (item.referenceId() != null) {
                        statuses.putIfAbsent(item.referenceId(), item);
                    }
                }
            }
            return statuses;
        }

        private @Nullable List<ItemStatus> items() {
            if (message == null) {
                return null;
            }
            List<ItemStatus> items = message.disbursementsStatus();
            if (items == null && message.txnstatusResponse() != null && message.txnstatusResponse().txnStatus() != null) {
                items = message.txnstatusResponse().txnStatus().disbursementsStatus();
            }
            return items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReplyHeader(
            @Nullable String status,
            @JsonProperty("status_reason_code") @Nullable String statusReasonCode,
            @JsonProperty("status_reason_message") @Nullable String statusReasonMessage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReplyMessage(
            @JsonProperty("ack_status") @Nullable String ackStatus,
            @JsonProperty("disbursements_status") @Nullable List<ItemStatus> disbursementsStatus,
            @JsonProperty("txnstatus_response") @Nullable TxnStatusResponse txnstatusResponse) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TxnStatusResponse(@JsonProperty("txn_type") @Nullable String txnType,
            @JsonProperty("txn_status") @Nullable ReplyMessage txnStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ItemStatus(
            @JsonProperty("reference_id") @Nullable String referenceId,
            @Nullable String status,
            @JsonProperty("status_reason_code") @Nullable String statusReasonCode,
            @JsonProperty("status_reason_message") @Nullable String statusReasonMessage) {
    }
}
