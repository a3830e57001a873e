package org.aidline.api.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One ledger entry: signed yuan, positive for grants and payments, negative for their reversals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntryView(
        @Schema(description = "Position in the ledger; entries are listed in this order") long id,
        String countyCode,
        String grantId,
        @Schema(description = "GRANT, ADJUSTMENT, REVOCATION (entitlement); PAYMENT, RECOVERY (money moved)") String kind,
        @Schema(description = "Signed yuan", example = "-600.00") BigDecimal amount,
        Instant at,
        String actor,
        @Schema(description = "The report reference the entry was booked under") @Nullable String reference) {
}
