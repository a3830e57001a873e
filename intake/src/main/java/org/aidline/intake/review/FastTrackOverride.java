package org.aidline.intake.review;

import java.time.Instant;
import java.util.Map;
import org.aidline.intake.grant.Grant;
import org.jspecify.annotations.Nullable;

/** A supervisor's grant to a household that already had one in the window: the grant, why, and what it records. */
public record FastTrackOverride(
        Grant grant,
        String reason,
        String supervisor,
        Instant at,
        @Nullable PaymentOrder order,
        Map<String, Object> overriddenDetail,
        Map<String, Object> grantedDetail) {

    public FastTrackOverride {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("An override gives its reason");
        }
        overriddenDetail = Map.copyOf(overriddenDetail);
        grantedDetail = Map.copyOf(grantedDetail);
    }
}
