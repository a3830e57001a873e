package org.aidline.intake.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierBackoffTests {

    final Verifier verifier = new Verifier(null, Map.of(), new PersonalDataProtector(new byte[32], new byte[32]),
            new Verifier.Settings(Duration.ofSeconds(30), 10, 6, Duration.ofSeconds(5), Duration.ofMinutes(10)), Clock.systemUTC());

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 30, 1000})
    void backoffStaysBetweenHalfTheFirstRetryAndTheCeiling(int attempt) {
        for (int i = 0; i < 200; i++) {
            Duration wait = verifier.backoff(attempt);
            assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
            assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(10).plusMillis(2500));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void earlyAttemptsWaitAtMostTheirExponentialCeiling(int attempt) {
        long ceiling = 5000L << (attempt - 1);
        for (int i = 0; i < 200; i++) {
            assertThat(verifier.backoff(attempt).toMillis()).isLessThan(2500 + ceiling);
        }
    }
}
