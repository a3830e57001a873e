package org.aidline.intake.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.aidline.intake.grant.GrantId;
import org.junit.jupiter.api.Test;

class LedgerPageTests {

    static RecordedEntry entry(long id) {
        return new RecordedEntry(id, new LedgerEntry(EntryKind.GRANT, "640104", new GrantId(UUID.randomUUID()), 100, Instant.EPOCH, "aidline"), "K7M-Q4X-PA");
    }

    @Test
    void theExtraEntryOnlySaysThereIsMoreAndTheCursorPointsAtTheLastShown() {
        List<RecordedEntry> fetched = LongStream.rangeClosed(11, 14).mapToObj(LedgerPageTests::entry).toList();
        LedgerPage page = LedgerPage.of(fetched, 3);
        assertThat(page.entries()).extracting(RecordedEntry::id).containsExactly(11L, 12L, 13L);
        assertThat(page.next()).isEqualTo(new LedgerCursor(13));
        assertThat(LedgerPage.of(fetched, 4).next()).isNull();
    }

    @Test
    void aCursorSurvivesItsEncodingAndNothingElseDecodes() {
        assertThat(LedgerCursor.decode(new LedgerCursor(42).encode())).isEqualTo(new LedgerCursor(42));
        assertThatThrownBy(() -> LedgerCursor.decode("bm90LWEtY3Vyc29y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerCursor.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodEndsAfterItBegins() {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        assertThatThrownBy(() -> new LedgerFilter("640104", "640104", at, at)).isInstanceOf(IllegalArgumentException.class);
    }
}
