package org.aidline.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** Every kind of problem a client can be told about: a stable type URI, a status, a localised title. */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST),
    MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST),
    BAD_PARAMETER("bad-parameter", HttpStatus.BAD_REQUEST),
    REJECTED_REQUEST("rejected-request", HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_INVALID("idempotency-key-invalid", HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_MISMATCH("idempotency-key-mismatch", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    OUTSIDE_REGION("outside-region", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    REQUEST_IN_FLIGHT("request-in-flight", HttpStatus.CONFLICT),
    PAYMENT_NOT_FAILED("payment-not-failed", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG),
    HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_VILLAGE("unknown-village", HttpStatus.UNPROCESSABLE_CONTENT),
    PRECONDITION_REQUIRED("precondition-required", HttpStatus.PRECONDITION_REQUIRED),
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED),
    GRANT_CLOSED("grant-closed", HttpStatus.CONFLICT),
    IDENTITY_ALREADY_KNOWN("identity-already-known", HttpStatus.CONFLICT),
    CONCURRENT_CHANGE("concurrent-change", HttpStatus.CONFLICT),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    STATE_CONFLICT("state-conflict", HttpStatus.CONFLICT),
    STEP_OPEN("step-open", HttpStatus.CONFLICT);

    private final String slug;
    private final HttpStatus status;

    ProblemType(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }
}
