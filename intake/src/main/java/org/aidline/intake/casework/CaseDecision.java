package org.aidline.intake.casework;

import java.time.Instant;
import java.util.UUID;
import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A decision on an ordinary case, or the township's recommendation where the amount is above its
 * cap. A township's decision is filed upward and the county may overturn it until {@code reviewUntil}.
 */
public record CaseDecision(
        UUID id,
        Kind kind,
        DecisionLevel level,
        Outcome outcome,
        @Nullable Money amount,
        @Nullable RefusalReason refusal,
        @Nullable String note,
        @Nullable String basis,
        String decidedBy,
        Instant decidedAt,
        @Nullable UUID grantId,
        @Nullable Filing filing,
        @Nullable Instant reviewUntil,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt,
        @Nullable String reviewNote) {

    public enum Kind {
        /** The township's proposal above its cap; the county decides. */
        RECOMMENDATION,
        DECISION
    }

    /** A decision that stands: not a recommendation, not overturned. */
    public boolean stands() {
        return kind == Kind.DECISION && filing != Filing.OVERTURNED;
    }

    /** A township's decision the county has not yet looked at, still within its time to overturn it. */
    public boolean awaitsCounty(Instant now) {
        return filing == Filing.FILED && reviewUntil != null && now.isBefore(reviewUntil);
    }
}
