package org.aidline.api.monitoring.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Cuts a JSON array arriving in pieces into its elements with Jackson's non-blocking parser,
 * holding one element at a time. Unlike WebFlux's Jackson decoder, which drops the elements
 * already complete in a chunk when a later one in it is broken, it gives every complete element
 * and then says where the array broke. One per upload; not thread-safe.
 */
final class JsonArrayElements {

    /** A complete element, or the end of reading where the array broke. */
    sealed interface Piece {
    }

    record Element(JsonNode node) implements Piece {
    }

    record Broken(String reason) implements Piece {
    }

    /** The body is not an array at all: nothing of it can be read as flags. */
    record NotAnArray() implements Piece {
    }

    private final JsonMapper mapper;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final int maxElementBytes;
    private @Nullable TokenBuffer element;
    private int depth;
    private long elementBytes;
    private boolean inArray;
    private boolean closed;
    private boolean broken;

    JsonArrayElements(JsonMapper mapper, int maxElementBytes) {
        this.mapper = mapper;
        this.parser = mapper.createNonBlockingByteArrayParser();
        this.feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
        this.maxElementBytes = maxElementBytes;
    }

    /**
     * The pieces a chunk of the body completes. Never throws, since the caller has consumed the
     * chunk: a failure is a piece, after which nothing more is read.
     */
    List<Piece> feed(byte[] chunk) {
        if (broken) {
            return List.of();
        }
        feeder.feedInput(chunk, 0, chunk.length);
        List<Piece> pieces = parse();
        if (!broken && element != null) {
            elementBytes += chunk.length;
            if (elementBytes > maxElementBytes) {
                return brokenAfter(pieces, "is larger than this service accepts for one flag (" + maxElementBytes + " bytes)");
            }
        }
        return pieces;
    }

    /** The pieces the end of the body completes. */
    List<Piece> end() {
        if (broken) {
            return List.of();
        }
        feeder.endOfInput();
        List<Piece> pieces = parse();
        // Jackson itself reports a truncated array; this guards the rows should it ever not.
        if (!broken && inArray && !closed) {
            return brokenAfter(pieces, "is missing: the array ends without its closing ]");
        }
        return pieces;
    }

    private List<Piece> parse() {
        List<Piece> pieces = new ArrayList<>();
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
                if (!inArray) {
                    if (token != JsonToken.START_ARRAY) {
                        return notAnArray(pieces);
                    }
                    inArray = true;
                } else if (closed) {
                    return brokenAfter(pieces, "follows the end of the array");
                } else if (depth == 0 && token == JsonToken.END_ARRAY) {
                    closed = true;
                } else {
                    take(token, pieces);
                }
            }
        } catch (JacksonException json) {
            if (!inArray) {
                return notAnArray(pieces);
            }
            return brokenAfter(pieces, "is not valid JSON (" + json.getOriginalMessage() + ")");
        }
        return pieces;
    }

    private void take(JsonToken token, List<Piece> pieces) {
        if (element == null) {
            element = TokenBuffer.forBuffering(parser, parser.objectReadContext());
            elementBytes = 0;
        }
        element.copyCurrentEvent(parser);
        if (token.isStructStart()) {
            depth++;
        } else if (token.isStructEnd()) {
            depth--;
        }
        if (depth == 0) {
            try (JsonParser tokens = element.asParser(parser.objectReadContext())) {
                pieces.add(new Element(mapper.readTree(tokens)));
            }
            element = null;
        }
    }

    private List<Piece> brokenAfter(List<Piece> pieces, String reason) {
        broken = true;
        element = null;
        pieces.add(new Broken(reason + "; the rest of the upload was not read"));
        return pieces;
    }

    private List<Piece> notAnArray(List<Piece> pieces) {
        broken = true;
        pieces.add(new NotAnArray());
        return pieces;
    }
}
