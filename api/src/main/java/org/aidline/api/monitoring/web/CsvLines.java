package org.aidline.api.monitoring.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a body arriving in pieces into lines (LF or CRLF), holding only the line in progress.
 * Unlike WebFlux's string decoder, which drops the lines already complete in a chunk when a later
 * one in it is too long, it gives every complete line and then says the next is too long. Splits
 * on the byte LF, which is safe for UTF-8 and the other ASCII-compatible charsets. One per
 * upload; not thread-safe.
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
    private final int maxLineBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean stopped;

    CsvLines(Charset charset, int maxLineBytes) {
        this.charset = charset;
        this.maxLineBytes = maxLineBytes;
    }

    List<Piece> feed(byte[] chunk) {
        List<Piece> pieces = new ArrayList<>();
        if (stopped) {
            return pieces;
        }
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                partial.write(chunk, start, i - start);
                if (partial.size() > maxLineBytes) {
                    return tooLong(pieces);
                }
                pieces.add(line());
                start = i + 1;
            }
        }
        partial.write(chunk, start, chunk.length - start);
        return partial.size() > maxLineBytes ? tooLong(pieces) : pieces;
    }

    List<Piece> end() {
        return stopped || partial.size() == 0 ? List.of() : List.of(line());
    }

    private Line line() {
        byte[] bytes = partial.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        partial.reset();
        return new Line(new String(bytes, 0, length, charset));
    }

    private List<Piece> tooLong(List<Piece> pieces) {
        stopped = true;
        partial.reset();
        pieces.add(new TooLong());
        return pieces;
    }
}
