package org.aidline.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.aidline.intake.events.FlagOutcomeRecorded;
import org.aidline.registry.EnrolmentStatus;
import org.aidline.registry.Programme;
import org.junit.jupiter.api.Test;

class FlagOutcomeEnrolmentsTests {

    @Test
    void suspendedPausesOnlyTheActiveEnrolments() {
        EnrolmentChange change = FlagOutcomeEnrolments.changeOf(outcome("SUSPENDED", null, null)).orElseThrow();

        assertThat(change.from()).containsExactly(EnrolmentStatus.ACTIVE);
        assertThat(change.to()).isEqualTo(EnrolmentStatus.SUSPENDED);
        assertThat(change.source()).isEqualTo(ChangeSource.FLAG_OUTCOME);
        assertThat(change.reason()).contains("province:F-1").contains("Vehicle");
    }

    @Test
    void endedEndsSuspendedOnesToo() {
        EnrolmentChange change = FlagOutcomeEnrolments.changeOf(outcome("ENDED", "MINIMUM_LIVING", null)).orElseThrow();

        assertThat(change.from()).isEqualTo(Set.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED));
        assertThat(change.to()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(change.programme()).isEqualTo(Programme.MINIMUM_LIVING);
    }

    @Test
    void clearedChangesNeitherStatusNorAmount() {
        EnrolmentChange change = FlagOutcomeEnrolments.changeOf(outcome("CLEARED", null, null)).orElseThrow();

        assertThat(change.to()).isNull();
        assertThat(change.monthlyAmountFen()).isNull();
    }

    @Test
    void amountChangedNeedsItsProgrammeAndAmount() {
        assertThat(FlagOutcomeEnrolments.changeOf(outcome("AMOUNT_CHANGED", "MINIMUM_LIVING", 45_000L)).orElseThrow().monthlyAmountFen())
                .isEqualTo(45_000L);
        assertThat(FlagOutcomeEnrolments.changeOf(outcome("AMOUNT_CHANGED", null, 45_000L))).isEmpty();
    }

    @Test
    void anOutcomeOrProgrammeThisVersionDoesNotKnowIsSkipped() {
        assertThat(FlagOutcomeEnrolments.changeOf(outcome("REVIEWED_AGAIN", null, null))).isEmpty();
        assertThat(FlagOutcomeEnrolments.changeOf(outcome("ENDED", "HOUSING_SUBSIDY", null))).isEmpty();
    }

    private static FlagOutcomeRecorded outcome(String outcome, String programme, Long amount) {
        return new FlagOutcomeRecorded(UUID.randomUUID(), UUID.randomUUID(), "province", "F-1", outcome, programme, amount, "a2V5",
                "640521", "640521001001", "Vehicle registered", "sup-1", Instant.parse("2025-03-01T02:00:00Z"));
    }
}
