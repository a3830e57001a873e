package org.aidline.api.monitoring.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aidline.api.config.IntakeProperties;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON array of flags element by element, never the whole body; each element within the request size limit. */
@Component
class JsonFlagReader {

    private final JsonMapper mapper;
    private final int maxElementBytes;

    JsonFlagReader(JsonMapper mapper, IntakeProperties limits) {
        this.mapper = mapper;
        this.maxElementBytes = (int) limits.maxBodySize().toBytes();
    }

    /**
     * The elements as rows. An element that is not an object is a bad row; where the array itself
     * breaks, that row is bad and reading stops, since JSON cannot be resumed after a syntax error.
     */
    Flux<RawFlag> read(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            JsonArrayElements elements = new JsonArrayElements(mapper, maxElementBytes);
            AtomicLong rows = new AtomicLong();
            return body.concatMapIterable(buffer -> elements.feed(Chunks.bytes(buffer)))
                    .concatWith(Flux.defer(() -> Flux.fromIterable(elements.end())))
                    .takeUntil(piece -> !(piece instanceof JsonArrayElements.Element))
                    .map(piece -> {
                        if (piece instanceof JsonArrayElements.Element element) {
                            return raw(rows.incrementAndGet(), element.node());
                        }
                        if (piece instanceof JsonArrayElements.Broken broken) {
                            return RawFlag.broken(rows.get() + 1, broken.reason());
                        }
                        throw new ProblemException(ProblemType.MALFORMED_BODY, "Send the flags as a JSON array: [{...}, {...}].");
                    });
        });
    }

    private static RawFlag raw(long row, JsonNode element) {
        if (!element.isObject()) {
            return RawFlag.broken(row, "is not a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String field : FlagRequest.FIELDS) {
            JsonNode value = element.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isContainer()) {
                errors.add(new FieldError(field, "must be a single value, not an object or array"));
            } else {
                // Numbers are taken as their text: a platform may well send its ids as numbers.
                fields.put(field, value.asString());
            }
        }
        return new RawFlag(row, fields, errors);
    }
}
