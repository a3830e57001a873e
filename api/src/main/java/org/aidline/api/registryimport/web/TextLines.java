package org.aidline.api.registryimport.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a body arriving in pieces into lines (LF or CRLF), holding only the line in progress, and
 * decodes each. Without a charset named by the client it tells UTF-8 from GB18030 (what Excel in
 * Chinese saves as "CSV"): a byte order mark, or the first line that is not ASCII, decides for the
 * rest of the body (valid UTF-8, else GB18030). Splitting on the byte LF is safe for both, since
 * neither uses it inside a character. One per upload; not thread-safe.
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

    private final int maxLineBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private @Nullable Charset charset;
    private boolean first = true;
    private boolean stopped;

    /** {@code charset}: the one the client named, or null to detect. */
    TextLines(@Nullable Charset charset, int maxLineBytes) {
        this.charset = charset;
        this.maxLineBytes = maxLineBytes;
    }

    /** The charset decided so far, if any. */
    @Nullable Charset charset() {
        return charset;
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
        partial.reset();
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
        int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
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

    private List<Piece> tooLong(List<Piece> pieces) {
        stopped = true;
        partial.reset();
        pieces.add(new TooLong());
        return pieces;
    }
}
