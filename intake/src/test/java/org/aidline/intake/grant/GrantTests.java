package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.report.ReportId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Documents later and identity at the visit, as transitions of a grant. */
class GrantTests {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    static final List<String> REQUIRED = List.of("ID", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS");

    static Grant grant(GrantStatus status, GrantDocument... attached) {
        return new Grant(GrantId.next(), ReportId.next(), "640104", status, Money.ofFen(240_000), Money.ofFen(0), REQUIRED,
                status == GrantStatus.AWAITING_IDENTITY ? null : NOW.plusSeconds(864_000), new PolicyVersion("640000", 1), NOW,
                NOW.plusSeconds(2_592_000), List.of(attached), null, 3);
    }

    static GrantDocument document(String type) {
        return new GrantDocument(type, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1024,
                "https://files.example.gov.cn/" + type, "coord-640104001001", NOW);
    }

    @Test
    void aNewGrantOwesEveryRequiredDocumentInPolicyOrder() {
        assertThat(grant(GrantStatus.AWAITING_DOCUMENTS).missingDocuments()).containsExactly("ID", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS");
    }

    @Test
    void attachingSomeRequiredDocumentsKeepsTheGrantAwaitingTheRest() {
        Grant attached = grant(GrantStatus.AWAITING_DOCUMENTS).attach(List.of(document("ID"), document("MEDICAL_BILLS")));
        assertThat(attached.status()).isEqualTo(GrantStatus.AWAITING_DOCUMENTS);
        assertThat(attached.missingDocuments()).containsExactly("HOSPITAL_DIAGNOSIS");
        assertThat(attached.documents()).extracting(GrantDocument::type).containsExactly("ID", "MEDICAL_BILLS");
    }

    @Test
    void theLastRequiredDocumentMakesTheGrantDocumented() {
        Grant attached = grant(GrantStatus.AWAITING_DOCUMENTS, document("ID"), document("HOSPITAL_DIAGNOSIS"))
                .attach(List.of(document("MEDICAL_BILLS")));
        assertThat(attached.status()).isEqualTo(GrantStatus.DOCUMENTED);
        assertThat(attached.missingDocuments()).isEmpty();
    }

    @Test
    void documentsCompletedAfterTheDeadlineStillMakeTheGrantDocumented() {
        Grant attached = grant(GrantStatus.OVERDUE).attach(REQUIRED.stream().map(GrantTests::document).toList());
        assertThat(attached.status()).isEqualTo(GrantStatus.DOCUMENTED);
    }

    @Test
    void extraDocumentsAreKeptButDoNotCountAsRequiredOnes() {
        Grant attached = grant(GrantStatus.AWAITING_DOCUMENTS).attach(List.of(document("PHOTO_OF_DAMAGE")));
        assertThat(attached.status()).isEqualTo(GrantStatus.AWAITING_DOCUMENTS);
        assertThat(attached.missingDocuments()).containsExactlyElementsOf(REQUIRED);
        assertThat(attached.documents()).hasSize(1);
    }

    @Test
    void aGrantAwaitingIdentityTakesDocumentsButItsClockHasNotStarted() {
        Grant attached = grant(GrantStatus.AWAITING_IDENTITY).attach(REQUIRED.stream().map(GrantTests::document).toList());
        assertThat(attached.status()).isEqualTo(GrantStatus.AWAITING_IDENTITY);
        assertThat(attached.missingDocuments()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = GrantStatus.class, names = {"CONFIRMED", "REVOKED"})
    void aGrantWithTheSupervisorsLastWordTakesNoDocuments(GrantStatus closed) {
        Grant grant = grant(closed);
        assertThat(grant.acceptsDocuments()).isFalse();
        assertThatThrownBy(() -> grant.attach(List.of(document("ID"))))
                .isInstanceOf(GrantClosedException.class)
                .extracting(failure -> ((GrantClosedException) failure).status()).isEqualTo(closed);
    }

    @Test
    void attachingNothingIsRefused() {
        assertThatThrownBy(() -> grant(GrantStatus.AWAITING_DOCUMENTS).attach(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attachingKeepsTheVersionItWasDecidedOnUntilStored() {
        Grant read = grant(GrantStatus.AWAITING_DOCUMENTS);
        Grant attached = read.attach(List.of(document("ID")));
        assertThat(attached.version()).isEqualTo(read.version());
        assertThat(attached.stored(4).version()).isEqualTo(4);
        assertThat(attached.stored(4).documents()).isEqualTo(attached.documents());
    }

    @Test
    void identityStartsTheDocumentsClock() {
        assertThat(grant(GrantStatus.AWAITING_IDENTITY).statusOnceIdentified()).isEqualTo(GrantStatus.AWAITING_DOCUMENTS);
    }

    @Test
    void identityOfAGrantWhoseDocumentsAreAllInMakesItDocumented() {
        Grant complete = grant(GrantStatus.AWAITING_IDENTITY, REQUIRED.stream().map(GrantTests::document).toArray(GrantDocument[]::new));
        assertThat(complete.statusOnceIdentified()).isEqualTo(GrantStatus.DOCUMENTED);
    }

    @ParameterizedTest
    @EnumSource(value = GrantStatus.class, names = "AWAITING_IDENTITY", mode = EnumSource.Mode.EXCLUDE)
    void onlyAGrantAwaitingIdentityCanBeIdentified(GrantStatus status) {
        assertThatThrownBy(() -> grant(status).statusOnceIdentified()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyAnIdentifiedUncancelledGrantIsPayable() {
        assertThat(grant(GrantStatus.AWAITING_IDENTITY).isPayable()).isFalse();
        assertThat(grant(GrantStatus.REVOKED).isPayable()).isFalse();
        assertThat(grant(GrantStatus.AWAITING_DOCUMENTS).isPayable()).isTrue();
    }

    @Test
    void onlyStatusesWithADeadlineAreListedByIt() {
        assertThat(GrantStatus.values()).filteredOn(GrantStatus::hasDocumentsClock)
                .containsExactly(GrantStatus.AWAITING_DOCUMENTS, GrantStatus.DOCUMENTED, GrantStatus.OVERDUE);
    }
}
