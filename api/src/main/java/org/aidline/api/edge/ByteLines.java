package org.aidline.api.edge;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Cuts a body arriving in pieces into lines of bytes (LF or CRLF, the CR dropped), holding only the
 * line in progress. Unlike WebFlux's string decoder, which drops the lines already complete in a
 * chunk when a later one in it is too long, it gives every complete line and then says the next is
 * too long, and reads no further. Splitting on the byte LF is safe for UTF-8, GB18030 and the other
 * ASCII-compatible charsets: none uses it inside a character. Decoding is the caller's (the uploads
 * of flags and of the registry decode differently). One per upload; not thread-safe.
 */
public final class ByteLines {

    /** A complete line, or the end of reading at a line that is too long. */
    public sealed interface Piece {
    }

    /** A line's bytes, without its line end. */
    public record Line(byte[] bytes) implements Piece {
    }

    public record TooLong() implements Piece {
    }

    /**
     * The pieces in the caller's own terms: each line decoded by {@code line}, the too-long end by
     * {@code tooLong}.
     */
    public static <T> List<T> decoded(List<Piece> pieces, Function<byte[], T> line, Supplier<T> tooLong) {
        List<T> decoded = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            decoded.add(piece instanceof Line complete ? line.apply(complete.bytes()) : tooLong.get());
        }
        return decoded;
    }

    private final int maxLineBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean stopped;

    public ByteLines(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public List<Piece> feed(byte[] chunk) {
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

    /** The last line, when the body does not end with a line end. */
    public List<Piece> end() {
        return stopped || partial.size() == 0 ? List.of() : List.of(line());
    }

    private Line line() {
        byte[] bytes = partial.toByteArray();
        partial.reset();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            byte[] withoutCr = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, withoutCr, 0, withoutCr.length);
            return new Line(withoutCr);
        }
        return new Line(bytes);
    }

    private List<Piece> tooLong(List<Piece> pieces) {
        stopped = true;
        partial.reset();
        pieces.add(new TooLong());
        return pieces;
    }
}
