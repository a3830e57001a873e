package org.aidline.intake.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationStatusTests {

    @Test
    void anyFlagPutsTheGrantInFrontOfTheSupervisorAtOnce() {
        assertThat(VerificationStatus.summarise(List.of(VerificationStatus.PENDING, VerificationStatus.FLAGGED)))
                .isEqualTo(VerificationStatus.FLAGGED);
    }

    @Test
    void stillPendingWhileARegistryHasNotAnswered() {
        assertThat(VerificationStatus.summarise(List.of(VerificationStatus.CLEAR, VerificationStatus.PENDING)))
                .isEqualTo(VerificationStatus.PENDING);
    }

    @Test
    void unavailableWhenARegistryCouldNotAnswerAndNothingWasFound() {
        assertThat(VerificationStatus.summarise(List.of(VerificationStatus.CLEAR, VerificationStatus.UNAVAILABLE)))
                .isEqualTo(VerificationStatus.UNAVAILABLE);
    }

    @Test
    void clearOnlyWhenEveryRegistryFoundNothing() {
        assertThat(VerificationStatus.summarise(List.of(VerificationStatus.CLEAR, VerificationStatus.CLEAR)))
                .isEqualTo(VerificationStatus.CLEAR);
    }
}
