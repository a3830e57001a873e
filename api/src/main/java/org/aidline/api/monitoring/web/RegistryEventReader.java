package org.aidline.api.monitoring.web;

import org.aidline.api.config.IntakeProperties;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON array of registry events element by element (as the flags are read), so that a batch
 * is bounded by its count, not by the request body limit; each element within that limit.
 */
@Component
class RegistryEventReader {

    private final JsonMapper mapper;
    private final int maxElementBytes;

    RegistryEventReader(JsonMapper mapper, IntakeProperties limits) {
        this.mapper = mapper;
        this.maxElementBytes = (int) limits.maxBodySize().toBytes();
    }

    /** One element as sent: the request, or why it could not be read; where the array breaks, reading stops. */
    record Element(RegistryEventRequest request, java.util.List<FieldError> errors) {
    }

    Flux<Element> read(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            JsonArrayElements elements = new JsonArrayElements(mapper, maxElementBytes);
            return body.concatMapIterable(buffer -> elements.feed(Chunks.bytes(buffer)))
                    .concatWith(Flux.defer(() -> Flux.fromIterable(elements.end())))
                    .takeUntil(piece -> !(piece instanceof JsonArrayElements.Element))
                    .map(piece -> {
                        if (piece instanceof JsonArrayElements.Element element) {
                            return element(element.node());
                        }
                        if (piece instanceof JsonArrayElements.Broken broken) {
                            return broken(broken.reason());
                        }
                        throw new ProblemException(ProblemType.MALFORMED_BODY, "Send the events as a JSON array: [{...}, {...}].");
                    });
        });
    }

    private Element element(JsonNode node) {
        if (!node.isObject()) {
            return broken("is not a JSON object");
        }
        try {
            return new Element(mapper.treeToValue(node, RegistryEventRequest.class), java.util.List.of());
        } catch (JacksonException e) {
            return broken("a field has a value of the wrong kind (amountFen is a number, the others text)");
        }
    }

    private static Element broken(String reason) {
        return new Element(new RegistryEventRequest(null, null, null, null, null, null, null, null, null),
                java.util.List.of(new FieldError("", reason)));
    }
}
