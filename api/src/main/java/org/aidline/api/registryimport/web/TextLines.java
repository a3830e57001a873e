package org.aidline.api.registryimport.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aidline.api.edge.ByteLines;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the registry upload's lines, as {@link ByteLines} cuts them. Without a charset named by the client it tells UTF-8 from GB18030 (what Excel in
 * Chinese saves as "CSV"): a byte order mark, or the first line that is not ASCII, decides for the
 * rest of the body (valid UTF-8, else GB18030). One per upload; not thread-safe.
 */
final class TextLines {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** A line, or the end of reading at a line that is too long. */
    sealed interface Piece {
    }

    /** A line's text, or null text when its bytes are not in the body's charset. */
    record Line(@Nullable String text) implements Piece {
    }

    record TooLong() implements Piece {
    }

    private final ByteLines lines;
    private @Nullable Charset charset;
    private boolean first = true;

    /** {@code charset}: the one the client named, or null to detect. */
    TextLines(@Nullable Charset charset, int maxLineBytes) {
        this.charset = charset;
        this.lines = new ByteLines(maxLineBytes);
    }

    /** The charset decided so far, if any. */
    @Nullable Charset charset() {
        return charset;
    }

    List<Piece> feed(byte[] chunk) {
        return decoded(lines.feed(chunk));
    }

    List<Piece> end() {
        return decoded(lines.end());
    }

    private List<Piece> decoded(List<ByteLines.Piece> pieces) {
        return ByteLines.decoded(pieces, this::line, TooLong::new);
    }

    private Line line(byte[] bytes) {
        int from = 0;
        if (first) {
            first = false;
            if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                from = 3;
                if (charset == null) {
                    charset = StandardCharsets.UTF_8;
                }
            }
        }
        int to = bytes.length;
        if (charset == null && !ascii(bytes, from, to)) {
            charset = decode(bytes, from, to, StandardCharsets.UTF_8) != null ? StandardCharsets.UTF_8 : GB18030;
        }
        return new Line(decode(bytes, from, to, charset == null ? StandardCharsets.US_ASCII : charset));
    }

    private static boolean ascii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String decode(byte[] bytes, int from, int to, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
