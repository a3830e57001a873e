package org.aidline.api.config;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Documents the RFC 9457 problems every API operation can answer, so clients can code against them. */
final class ProblemResponsesCustomizer {

    private static final String PROBLEM = "Problem";

    static void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/") || path.startsWith("/open311/")) {
                item.readOperationsMap().forEach((method, operation) -> document(method, path, operation));
            }
        });
    }

    private static void document(PathItem.HttpMethod method, String path, Operation operation) {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid request: /problems/validation, /problems/malformed-body (also a NUL character in a string), "
                + "/problems/bad-parameter (also an instant outside years 1-9999), /problems/idempotency-key-missing, "
                + "/problems/rejected-request (bytes not allowed in the method, path, query or headers)");
        // An operation that asks for no token (security: []) refuses nobody.
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            problems.put("401", "No valid bearer token: /problems/unauthenticated");
            problems.put("403", "The role or region does not allow this: /problems/forbidden, /problems/outside-region");
        }
        if (path.contains("{")) {
            problems.put("404", "No such resource, or not yours to see: /problems/not-found");
        }
        if (method == PathItem.HttpMethod.POST) {
            problems.put("409", "A request with this Idempotency-Key is still running: /problems/request-in-flight");
            problems.put("413", "Body too large: /problems/payload-too-large");
            problems.put("415", "Body is not " + (path.startsWith("/open311/") ? "application/x-www-form-urlencoded" : "application/json")
                    + ": /problems/unsupported-media-type");
            problems.put("422", "Idempotency-Key reused with another body, or unknown village: /problems/idempotency-key-reused, /problems/unknown-village");
            problems.put("429", "Too many requests; see Retry-After: /problems/too-many-requests");
        }
        problems.put("414", "Path and query longer than 4,096 characters: /problems/uri-too-long");
        problems.put("431", "Headers larger than 8 KB in all: /problems/headers-too-large");
        problems.put("500", "Our fault; nothing sent is lost: /problems/internal");
        problems.put("503", "The database is unreachable, or the request ran past its time budget (5 s for a filing, 10 s otherwise) "
                + "and was cancelled; retry after Retry-After, with the same Idempotency-Key for a filing "
                + "(mayHaveBeenApplied says whether it may have gone through): /problems/unavailable");
        problems.forEach((status, description) -> {
            ApiResponse response = new ApiResponse()
                    .description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            operation.getResponses().putIfAbsent(status, response);
        });
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("subject.idNumber"));
        fieldError.addProperty("message", new StringSchema().example("The check digit of the resident ID number is wrong"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details; titles follow Accept-Language (en, zh)");
        problem.addProperty("type", new StringSchema().format("uri-reference").maxLength(256).example("/problems/validation"));
        problem.addProperty("title", new StringSchema().example("Invalid request"));
        problem.addProperty("status", new IntegerSchema().format("int32").minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).example(400));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.addProperty("retryAfterSeconds", new IntegerSchema().format("int32").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(86_400))
                .description("With 429 and 503: the Retry-After header's value"));
        problem.addProperty("mayHaveBeenApplied", new BooleanSchema()
                .description("With 503: false when nothing was changed; true when a write may have gone through before the failure"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
