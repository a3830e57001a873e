package org.aidline.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import org.aidline.api.audit.AuditContextFilter;
import org.aidline.api.idempotency.IdempotentFiling;
import org.springframework.http.HttpHeaders;

/**
 * Declares the headers the edge sends and reads on every operation once, under components, so that each
 * operation only refers to them: the request id both ways, rate limits on the rate-limited POSTs,
 * Retry-After on 429 and 503, the ETag where an operation sends one, and Location and Idempotent-Replayed on
 * idempotent filings.
 */
final class ContractHeaders {

    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String LOCATION = "Location";
    // AuditContextFilter's own rule for a caller's request id; anything else is replaced by a new UUID.
    private static final String REQUEST_ID_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";

    // The responses whose controllers set an ETag (EntityTags, PolicyETags, ReviewProblems.etag) on every answer.
    private static final java.util.Set<String> VERSIONED = java.util.Set.of("#/components/schemas/Case", "#/components/schemas/GrantResponse",
            "#/components/schemas/CalendarView", "#/components/schemas/PolicyResponse");

    // The other 201s that answer where the new resource is read (or, for a device, removed). An extension asked for has no
    // address of its own: it is read with its task.
    private static final java.util.Set<String> CREATES_READABLE = java.util.Set.of("createCampaign", "importPeople", "referReport",
            "registerDevice");

    private ContractHeaders() {
    }

    static void declare(OpenAPI openApi) {
        openApi.getComponents()
                .addHeaders(AuditContextFilter.HEADER, new Header()
                        .description("This request's id in logs and audit events: the caller's, when it is 1-64 of A-Z a-z 0-9 . _ : -, else a new UUID")
                        .schema(new StringSchema().maxLength(64).pattern(REQUEST_ID_PATTERN).example("6f1c2a9e-3b7d-4c55-9a1e-2f0d8c4b7a10")))
                .addHeaders(RATE_LIMIT, new Header()
                        .description("The quota left in the current window (IETF draft-ietf-httpapi-ratelimit-headers), where the edge reports it")
                        .schema(new StringSchema().maxLength(256).pattern("^[ -~]*$").example("\"subject\";r=29;t=60")))
                .addHeaders(RATE_LIMIT_POLICY, new Header()
                        .description("The quota policies that apply (IETF draft-ietf-httpapi-ratelimit-headers), where the edge reports them")
                        .schema(new StringSchema().maxLength(256).pattern("^[ -~]*$").example("\"subject\";q=30;w=60")))
                .addHeaders(RETRY_AFTER, new Header().required(true)
                        .description("Seconds to wait before trying again (rate-limit windows and request budgets are minutes at most)")
                        .schema(new IntegerSchema().format("int32").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(86_400)).example(5)))
                .addHeaders(LOCATION, new Header().required(true)
                        .description("Where the created resource is read")
                        .schema(new StringSchema().format("uri-reference").maxLength(2048).example("/api/v1/reports/0b8f6c1e-5d3a-4f7e-9c21-7a4e2d1b9f60")))
                .addHeaders(HttpHeaders.ETAG, new Header()
                        .description("The version of what was read or written (a grant's, a policy's), quoted: send it back as If-Match")
                        .schema(new StringSchema().maxLength(42).pattern("^\"[0-9-]{1,40}\"$").example("\"3\"")))
                .addHeaders(IdempotentFiling.REPLAYED_HEADER, new Header()
                        .description("true when this answer repeats the one given to an earlier request with the same Idempotency-Key; absent otherwise")
                        .schema(new BooleanSchema().example(true)))
                .addParameters(AuditContextFilter.HEADER, new Parameter().in("header").name(AuditContextFilter.HEADER).required(false)
                        .description("The caller's id for this request, echoed back and kept in logs and audit events (else a new UUID)")
                        .schema(new StringSchema().maxLength(64).pattern(REQUEST_ID_PATTERN).example("6f1c2a9e-3b7d-4c55-9a1e-2f0d8c4b7a10")));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> apply(path, method, operation)));
    }

    private static void apply(String path, PathItem.HttpMethod method, Operation operation) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + AuditContextFilter.HEADER));
        boolean idempotent = false;
        for (Parameter parameter : operation.getParameters()) {
            if (IdempotentFiling.HEADER.equals(parameter.getName())) {
                // IdempotentFiling's own rule: 1 to 255 visible ASCII characters, else 400.
                parameter.schema(new StringSchema().minLength(1).maxLength(255).pattern("^[!-~]{1,255}$")
                        .example("4a7d1ed4-1f5c-4b8e-8c3e-9b2f6d0a1e55"));
                idempotent = true;
            }
        }
        boolean idempotentFiling = idempotent;
        // RateLimitFilter counts the POSTs to /api and /open311 only; reads and other writes are not limited.
        boolean rateLimited = method == PathItem.HttpMethod.POST && (path.startsWith("/api/") || path.startsWith("/open311/"));
        operation.getResponses().forEach((status, response) -> {
            refer(response, AuditContextFilter.HEADER);
            if (rateLimited && (status.startsWith("2") || status.startsWith("4"))) {
                refer(response, RATE_LIMIT);
                refer(response, RATE_LIMIT_POLICY);
            }
            if (status.equals("429") || status.equals("503")) {
                refer(response, RETRY_AFTER);
            }
            if (status.equals("200") && versioned(response)) {
                refer(response, HttpHeaders.ETAG);
            }
            if (status.equals("201") && (idempotentFiling || CREATES_READABLE.contains(operation.getOperationId()))) {
                refer(response, LOCATION);
            }
            if (status.equals("201") && idempotentFiling) {
                refer(response, IdempotentFiling.REPLAYED_HEADER);
            }
        });
    }

    /** A versioned resource (a case, a grant, a calendar, a policy): whoever answers one sends its version as ETag. */
    private static boolean versioned(ApiResponse response) {
        return response.getContent() != null && response.getContent().values().stream()
                .anyMatch(media -> media.getSchema() != null && VERSIONED.contains(String.valueOf(media.getSchema().get$ref())));
    }

    private static void refer(ApiResponse response, String header) {
        // Replaces a header an operation declared inline with the shared declaration.
        response.addHeaderObject(header, new Header().$ref("#/components/headers/" + header));
    }
}
