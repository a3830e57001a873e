package org.aidline.intake.referral;

import java.time.Instant;
import java.util.UUID;
import org.aidline.intake.money.Money;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.region.VillageCode;
import org.jspecify.annotations.Nullable;

/** A report handed over to a partner, its delivery, and the partner's answer. */
public record Referral(
        UUID id,
        ReportId reportId,
        String partner,
        VillageCode village,
        String reason,
        ReferralStatus status,
        String referredBy,
        Instant referredAt,
        Instant answerDueAt,
        @Nullable Instant escalatedAt,
        @Nullable String answeredBy,
        @Nullable Instant answeredAt,
        @Nullable String note,
        @Nullable Money amount,
        Delivery delivery,
        int deliveryAttempts,
        @Nullable Instant deliveredAt,
        @Nullable String lastDeliveryError,
        int version) {

    public String countyCode() {
        return village.countyCode();
    }
}
