package org.aidline.registry.disbursement;

import java.time.Duration;
import org.aidline.intake.background.Backoff;

/**
 * How payouts go out: payouts per bank message, messages in flight, how long a claim holds, when
 * to ask again about transactions the bank accepted without a result, and the backoff after failures.
 */
public record PayoutSettings(int batchSize, int concurrency, Duration lease, Duration resultCheck, Backoff backoff) {

    public PayoutSettings {
        if (batchSize < 1 || batchSize > 10_000 || concurrency < 1) {
            throw new IllegalArgumentException("A bank batch holds 1 to 10,000 payouts, and at least one is in flight");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || resultCheck.isNegative() || resultCheck.isZero()) {
            throw new IllegalArgumentException("The lease is at least a second and the result check positive");
        }
    }
}
