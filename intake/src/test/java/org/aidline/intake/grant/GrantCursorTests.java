package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportReference;
import org.junit.jupiter.api.Test;

class GrantCursorTests {

    @Test
    void aCursorSurvivesItsRoundTrip() {
        GrantCursor cursor = new GrantCursor(Instant.parse("2026-12-09T08:00:00.123456Z"), UUID.randomUUID());
        assertThat(GrantCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void somethingElseIsNotACursor() {
        assertThatThrownBy(() -> GrantCursor.decode("bm90LWEtY3Vyc29y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullPageEndsAtItsLastGrantAndAShortOneHasNoNext() {
        List<GrantCase> rows = IntStream.range(0, 3).mapToObj(i -> new GrantCase(GrantTests.grant(GrantStatus.OVERDUE),
                new ReportReference("K7M-Q4X-PA"), new VillageCode("640104001001"), "c")).toList();
        GrantPage page = GrantPage.of(rows, 2);
        assertThat(page.grants()).hasSize(2);
        assertThat(page.next()).isEqualTo(new GrantCursor(rows.get(1).grant().documentsDueAt(), rows.get(1).grant().id().value()));
        assertThat(GrantPage.of(rows, 3).next()).isNull();
    }
}
