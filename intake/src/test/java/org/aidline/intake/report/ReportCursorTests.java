package org.aidline.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportCursorTests {

    private static final long SEED = 0xC0A5L;

    static Stream<ReportCursor> cursors() {
        Random random = new Random(SEED);
        long earliest = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        return IntStream.range(0, 200).mapToObj(i -> new ReportCursor(
                Instant.ofEpochSecond(earliest + (long) (random.nextDouble() * (latest - earliest)),
                        random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)),
                new UUID(random.nextLong(), random.nextLong())));
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("cursors")
    void decodesWhatItEncoded(ReportCursor cursor) {
        assertThat(ReportCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @ParameterizedTest
    @MethodSource("cursors")
    void encodesIntoUrlSafeCharacters(ReportCursor cursor) {
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void cursorAfterAReportPointsAtThatReport() {
        Report report = SampleReports.received("640104001001");

        ReportCursor cursor = ReportCursor.decode(ReportCursor.after(report).encode());

        assertThat(cursor.createdAt()).isEqualTo(report.createdAt());
        assertThat(cursor.id()).isEqualTo(report.id().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "%%%", "abc", "====", "not a cursor at all"})
    void refusesGarbage(String token) {
        assertThatThrownBy(() -> ReportCursor.decode(token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWellEncodedTokensThatAreNotCursors() {
        UUID id = UUID.fromString("0190a6b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b");
        String[] plains = {
                "no separator",
                "2025-03-01T08:00:00Z",
                "2025-03-01T08:00:00Z|",
                "2025-03-01T08:00:00Z|not-a-uuid",
                "yesterday|" + id,
                "|" + id,
        };
        for (String plain : plains) {
            assertThatThrownBy(() -> ReportCursor.decode(base64(plain)))
                    .as(plain)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
