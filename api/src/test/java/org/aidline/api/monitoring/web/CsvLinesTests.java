package org.aidline.api.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLinesTests {

    @Test
    void givesEachLineWhateverTheChunksAreCutAt() {
        String body = "flagId,reason\r\nNX-1,名下有车辆\nNX-2,\"a, b\"\r\n\r\nNX-3,最后一行";
        for (int size = 1; size <= body.length(); size++) {
            assertThat(texts(read(body, StandardCharsets.UTF_8, size, 1024)))
                    .containsExactly("flagId,reason", "NX-1,名下有车辆", "NX-2,\"a, b\"", "", "NX-3,最后一行");
        }
    }

    @Test
    void aFinalLineBreakMakesNoEmptyLine() {
        assertThat(texts(read("a\nb\n", StandardCharsets.UTF_8, 3, 1024))).containsExactly("a", "b");
    }

    @Test
    void decodesTheCharsetTheContentTypeNames() {
        assertThat(texts(read("NX-1,名下有车辆\n", Charset.forName("GB18030"), 4, 1024))).containsExactly("NX-1,名下有车辆");
    }

    @Test
    void keepsTheLinesBeforeOneThatIsTooLongAndStopsThere() {
        List<CsvLines.Piece> pieces = read("a\nb\n" + "x".repeat(100) + "\nc\n", StandardCharsets.UTF_8, 4096, 50);
        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(2)).isInstanceOf(CsvLines.TooLong.class);
    }

    private static List<CsvLines.Piece> read(String body, Charset charset, int chunkSize, int limit) {
        CsvLines lines = new CsvLines(charset, limit);
        byte[] bytes = body.getBytes(charset);
        List<CsvLines.Piece> pieces = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += chunkSize) {
            pieces.addAll(lines.feed(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkSize))));
        }
        pieces.addAll(lines.end());
        return pieces;
    }

    private static List<String> texts(List<CsvLines.Piece> pieces) {
        return pieces.stream().map(piece -> ((CsvLines.Line) piece).text()).toList();
    }
}
