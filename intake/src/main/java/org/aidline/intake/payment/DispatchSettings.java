package org.aidline.intake.payment;

import org.aidline.intake.background.Backoff;
import java.time.Duration;

/**
 * How the dispatcher works: instructions claimed per batch and sent at once, how long a claim
 * holds, when to ask again about one the gateway has, and the backoff between attempts.
 */
public record DispatchSettings(int batchSize, int concurrency, Duration lease, Duration resultCheck, Backoff backoff) {

    public DispatchSettings {
        if (batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException("Batch size and concurrency are at least 1");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || resultCheck.isNegative() || resultCheck.isZero()) {
            throw new IllegalArgumentException("The lease is at least a second and the result check positive");
        }
    }
}
