package org.aidline.api.payment.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A payment instruction as supervisors and auditors see it: amounts in yuan, times in UTC. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentResponse(
        String id,
        @Schema(description = "The reference the gateway knows the disbursement by") String referenceId,
        String grantId,
        String reportId,
        String villageCode,
        String countyCode,
        @Schema(description = "PAYMENT (to the household) or RECOVERY (back from it)") String kind,
        BigDecimal amount,
        @Schema(description = "PENDING, SENDING, SENT, PAID or FAILED") String status,
        int attempts,
        Instant nextAttemptAt,
        @Schema(description = "Why the last attempt failed, as the gateway said") @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt) {
}
