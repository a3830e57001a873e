package org.aidline.api.monitoring.web;

import java.nio.charset.Charset;
import java.util.List;
import org.aidline.api.edge.ByteLines;

/**
 * The flags upload's lines, decoded in the charset the client named (UTF-8 by default): lines cut by
 * {@link ByteLines}, malformed bytes replaced as {@code new String} does. One per upload; not thread-safe.
 */
final class CsvLines {

    /** A complete line, or the end of reading at a line that is too long. */
    sealed interface Piece {
    }

    record Line(String text) implements Piece {
    }

    record TooLong() implements Piece {
    }

    private final Charset charset;
    private final ByteLines lines;

    CsvLines(Charset charset, int maxLineBytes) {
        this.charset = charset;
        this.lines = new ByteLines(maxLineBytes);
    }

    List<Piece> feed(byte[] chunk) {
        return decoded(lines.feed(chunk));
    }

    List<Piece> end() {
        return decoded(lines.end());
    }

    private List<Piece> decoded(List<ByteLines.Piece> pieces) {
        return ByteLines.decoded(pieces, bytes -> new Line(new String(bytes, charset)), TooLong::new);
    }
}
