package org.aidline.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReportPageTests {

    /** Rows newest first, one minute apart. */
    private static List<Report> rows(int count) {
        Instant newest = Instant.parse("2025-03-01T08:00:00Z");
        List<Report> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(SampleReports.received("640104001001", SampleReports.FILER, newest.minusSeconds(60L * i)));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 20})
    void extraRowYieldsCursorAtTheLastReturnedRow(int limit) {
        List<Report> rows = rows(limit + 1);

        ReportPage page = ReportPage.of(rows, limit);

        assertThat(page.reports()).containsExactlyElementsOf(rows.subList(0, limit));
        Report lastReturned = rows.get(limit - 1);
        assertThat(page.next()).isNotNull();
        assertThat(page.next().createdAt()).isEqualTo(lastReturned.createdAt());
        assertThat(page.next().id()).isEqualTo(lastReturned.id().value());
        assertThat(page.reports()).doesNotContain(rows.get(limit));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 20})
    void exactlyLimitRowsYieldNoCursor(int limit) {
        List<Report> rows = rows(limit);

        ReportPage page = ReportPage.of(rows, limit);

        assertThat(page.reports()).containsExactlyElementsOf(rows);
        assertThat(page.next()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void fewerRowsThanLimitYieldNoCursor(int count) {
        List<Report> rows = rows(count);

        ReportPage page = ReportPage.of(rows, 5);

        assertThat(page.reports()).containsExactlyElementsOf(rows);
        assertThat(page.next()).isNull();
    }

    @Test
    void pageDoesNotChangeWhenTheRowsItCameFromDo() {
        List<Report> rows = rows(4);
        List<Report> firstThree = List.copyOf(rows.subList(0, 3));

        ReportPage page = ReportPage.of(rows, 3);
        rows.clear();

        assertThat(page.reports()).containsExactlyElementsOf(firstThree);
    }
}
