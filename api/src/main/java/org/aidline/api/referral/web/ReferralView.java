package org.aidline.api.referral.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.aidline.intake.referral.Referral;
import org.jspecify.annotations.Nullable;

/** A referral to a partner: its delivery, the answer's due time, and the partner's answer (and what it paid). */
@Schema(name = "Referral")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(
        String id,
        String reportId,
        @Schema(example = "CHARITY_FEDERATION") String partner,
        String reason,
        @Schema(example = "OPEN", description = "OPEN, ACCEPTED, DECLINED or DONE") String status,
        String referredBy,
        Instant referredAt,
        Instant answerDueAt,
        @Schema(description = "When it escalated unanswered") @Nullable Instant escalatedAt,
        @Nullable String answeredBy,
        @Nullable Instant answeredAt,
        @Nullable String note,
        @Schema(description = "What the partner paid the household, in yuan (not on the county's ledger)") @Nullable BigDecimal paidByPartner,
        @Schema(example = "SENT", description = "MANUAL, PENDING, SENT or FAILED") String delivery,
        @Nullable Instant deliveredAt,
        @Nullable String lastDeliveryError) {

    public static ReferralView of(Referral referral) {
        return new ReferralView(referral.id().toString(), referral.reportId().toString(), referral.partner(), referral.reason(),
                referral.status().name(), referral.referredBy(), referral.referredAt(), referral.answerDueAt(), referral.escalatedAt(),
                referral.answeredBy(), referral.answeredAt(), referral.note(), referral.amount() == null ? null : referral.amount().yuan(),
                referral.delivery().name(), referral.deliveredAt(), referral.lastDeliveryError());
    }
}
