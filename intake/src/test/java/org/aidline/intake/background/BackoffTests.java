package org.aidline.intake.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackoffTests {

    final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

    @Test
    void theFirstRetryWaitsBetweenHalfTheBaseAndTheBase() {
        assertThat(backoff.delayBefore(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayBefore(1, 0.999)).isBetween(Duration.ofMillis(1998), Duration.ofSeconds(2));
    }

    @Test
    void eachAttemptDoublesTheWaitUntilTheCap() {
        assertThat(backoff.delayBefore(2, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayBefore(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayBefore(9, 0.0)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delayBefore(10, 0.0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayBefore(11, 0.0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void noAttemptCountOverflowsPastTheCap() {
        assertThat(backoff.delayBefore(Integer.MAX_VALUE, 0.999)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, 20).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jitterKeepsEveryWaitWithinHalfToAllOfTheCappedDelay(int seed) {
        Random random = new Random(seed);
        for (int attempt = 1; attempt < 40; attempt++) {
            long capped = Math.min(2000L << Math.min(attempt - 1, 30), 600_000L);
            Duration wait = backoff.delayBefore(attempt, random.nextDouble());
            assertThat(wait.toMillis()).as("attempt %d", attempt).isBetween(capped - capped / 2, capped);
        }
    }

    @Test
    void jitterSpreadsInstructionsThatFailedTogether() {
        Random random = new Random(7);
        long distinct = IntStream.range(0, 100).mapToObj(i -> backoff.delayBefore(5, random.nextDouble())).distinct().count();
        assertThat(distinct).isGreaterThan(90);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delayBefore(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delayBefore(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
