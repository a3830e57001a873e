package org.aidline.registry.disbursement;

import org.jspecify.annotations.Nullable;

/** Where one payout stands after a bank call: PAID, SENT (accepted, result later), FAILED, or PENDING (try again). */
public record ItemResult(long payoutId, String status, @Nullable String error) {

    public boolean isFinal() {
        return "PAID".equals(status) || "FAILED".equals(status);
    }
}
