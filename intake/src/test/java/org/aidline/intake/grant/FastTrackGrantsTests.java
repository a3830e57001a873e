package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.triage.Policies;
import org.aidline.intake.triage.TriageCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FastTrackGrantsTests {

    final Policy policy = Policies.provinceDefault();
    final Instant now = Instant.parse("2026-11-29T08:00:00Z");

    Grant grant(Long requestedFen, int householdSize, boolean identified) {
        TriageCase triaged = new TriageCase(Category.MEDICAL_EMERGENCY, true, Channel.APP, identified,
                requestedFen == null ? null : Money.ofFen(requestedFen), householdSize);
        return FastTrackGrants.decide(ReportId.next(), "640104", triaged, policy, now);
    }

    @ParameterizedTest(name = "requested {0} fen -> paid {1}, awaiting county {2}")
    @CsvSource({"100000, 100000, 0", "240000, 240000, 0", "240001, 240000, 1", "1000000, 240000, 760000"})
    void requestedAmountIsPaidUpToTheCapAndTheRestAwaitsTheCounty(long requested, long paid, long awaiting) {
        Grant grant = grant(requested, 3, true);
        assertThat(grant.amount()).isEqualTo(Money.ofFen(paid));
        assertThat(grant.awaitingApproval()).isEqualTo(Money.ofFen(awaiting));
    }

    @ParameterizedTest(name = "household of {0} -> {1} fen")
    @CsvSource({"1, 120000", "2, 150000", "4, 210000", "5, 240000", "12, 240000"})
    void withoutARequestTheStandardAmountForTheHouseholdSizeApplies(int householdSize, long fen) {
        Grant grant = grant(null, householdSize, true);
        assertThat(grant.amount()).isEqualTo(Money.ofFen(fen));
        assertThat(grant.awaitingApproval()).isEqualTo(Money.ofFen(0));
    }

    @Test
    void documentsAreDueAfterThePolicyDeadlineAndAllListedAtOnce() {
        Grant grant = grant(100_000L, 2, true);
        assertThat(grant.status()).isEqualTo(GrantStatus.AWAITING_DOCUMENTS);
        assertThat(grant.documentsDueAt()).isEqualTo(now.plus(Duration.ofDays(10)));
        assertThat(grant.requiredDocuments()).containsExactly("ID", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS");
        assertThat(grant.nextFastTrackFrom()).isEqualTo(now.plus(Duration.ofDays(30)));
        assertThat(grant.isPayable()).isTrue();
    }

    @Test
    void withoutIdentityTheGrantWaitsAndItsDocumentsClockHasNotStarted() {
        Grant grant = grant(100_000L, 2, false);
        assertThat(grant.status()).isEqualTo(GrantStatus.AWAITING_IDENTITY);
        assertThat(grant.documentsDueAt()).isNull();
        assertThat(grant.isPayable()).isFalse();
    }
}
