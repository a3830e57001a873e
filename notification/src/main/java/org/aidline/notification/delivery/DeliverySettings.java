package org.aidline.notification.delivery;

import java.time.Duration;
import org.aidline.intake.background.Backoff;

/** How the dispatcher works: notifications claimed per batch and sent at once, the lease, retries and backoff. */
public record DeliverySettings(int batchSize, int concurrency, Duration lease, int maxAttempts, Backoff backoff) {

    public DeliverySettings {
        if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("Batch size, concurrency and attempts are at least 1");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The lease is at least a second");
        }
    }
}
