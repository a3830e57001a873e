package org.aidline.intake.background;

import java.time.Duration;

/**
 * Exponential backoff with jitter between attempts at the gateway: {@code base * 2^(attempt-1)}
 * capped at {@code max}, of which a random half is waived, so that instructions failed together
 * do not all come back together.
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("The backoff base must be positive");
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("The backoff maximum cannot be below its base");
        }
    }

    /**
     * The wait before the given attempt (1 = the first retry), with {@code random} in [0, 1):
     * between half and all of the capped exponential delay.
     */
    public Duration delayBefore(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts are counted from 1");
        }
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("The random draw must be in [0, 1)");
        }
        long capped = cappedMillis(attempt);
        long half = capped / 2;
        return Duration.ofMillis(capped - half + (long) (half * random));
    }

    private long cappedMillis(int attempt) {
        long maxMillis = max.toMillis();
        long delay = base.toMillis();
        // Doubling stops at the cap, so no attempt count can overflow.
        for (int i = 1; i < attempt && delay < maxMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxMillis);
    }
}
