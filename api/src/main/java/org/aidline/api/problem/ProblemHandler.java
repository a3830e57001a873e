package org.aidline.api.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.aidline.api.edge.TolerantLocales;
import org.aidline.intake.report.UnknownVillageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;

/** Turns every failure of a request into {@code application/problem+json}; no stack trace leaves. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;
    private final Unavailable unavailable;

    public ProblemHandler(Problems problems, Unavailable unavailable) {
        this.problems = problems;
        this.unavailable = unavailable;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> problem(ProblemException exception, ServerWebExchange exchange) {
        ProblemDetail problem = problems.of(exception, locale(exchange));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(exception.type().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Object retryAfter = exception.properties().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidBody(WebExchangeBindException exception, ServerWebExchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        exception.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
        exception.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(problems.invalid(errors, locale(exchange)), ProblemType.VALIDATION);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException exception, ServerWebExchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage())))));
        return respond(problems.invalid(errors, locale(exchange)), ProblemType.VALIDATION);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException exception, ServerWebExchange exchange) {
        Locale locale = locale(exchange);
        JacksonException json = jacksonCause(exception);
        if (json != null) {
            String field = fieldPath(json);
            ProblemDetail problem = problems.of(ProblemType.MALFORMED_BODY, problems.message("problem.malformed-body.detail", locale), locale);
            if (!field.isEmpty()) {
                problem.setProperty("errors", List.of(new FieldError(field, problems.message("problem.malformed-body.field", locale))));
            }
            return respond(problem, ProblemType.MALFORMED_BODY);
        }
        if (exception.getMethodParameter() != null && exception.getMethodParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
            return respond(problems.of(ProblemType.MALFORMED_BODY, problems.message("problem.malformed-body.detail", locale), locale), ProblemType.MALFORMED_BODY);
        }
        String parameter = exception.getMethodParameter() == null ? null : exception.getMethodParameter().getParameterName();
        ProblemDetail problem = problems.particular(ProblemType.BAD_PARAMETER, exception.getReason(), locale);
        if (parameter != null) {
            problem.setProperty("errors", List.of(new FieldError(parameter, String.valueOf(exception.getReason()))));
        }
        return respond(problem, ProblemType.BAD_PARAMETER);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException exception, ServerWebExchange exchange) {
        return simple(ProblemType.PAYLOAD_TOO_LARGE, exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupportedMediaType(UnsupportedMediaTypeStatusException exception, ServerWebExchange exchange) {
        if (exception.getSupportedMediaTypes().isEmpty()) {
            return simple(ProblemType.UNSUPPORTED_MEDIA_TYPE, exchange);
        }
        // Some endpoints take more than JSON (monitoring flags also take CSV): say which.
        Locale locale = locale(exchange);
        String supported = exception.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return respond(problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                problems.message("problem.unsupported-media-type.supported", locale, supported), locale), ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableStatusException exception, ServerWebExchange exchange) {
        return simple(ProblemType.NOT_ACCEPTABLE, exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> methodNotAllowed(MethodNotAllowedException exception, ServerWebExchange exchange) {
        return simple(ProblemType.METHOD_NOT_ALLOWED, exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownVillage(UnknownVillageException exception, ServerWebExchange exchange) {
        Locale locale = locale(exchange);
        ProblemDetail problem = problems.of(ProblemType.UNKNOWN_VILLAGE,
                problems.message("problem.unknown-village.detail", locale, exception.village().value()), locale);
        problem.setProperty("errors", List.of(new FieldError("villageCode", problems.message("problem.unknown-village.field", locale))));
        return respond(problem, ProblemType.UNKNOWN_VILLAGE);
    }

    /** The firewall refuses some bytes only when a header or a query parameter is first read, here in a controller. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(ServerExchangeRejectedException exception, ServerWebExchange exchange) {
        return simple(ProblemType.REJECTED_REQUEST, exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(AccessDeniedException exception, ServerWebExchange exchange) {
        return simple(ProblemType.FORBIDDEN, exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> status(ResponseStatusException exception, ServerWebExchange exchange) {
        ProblemType type = switch (exception.getStatusCode().value()) {
            case 400 -> ProblemType.BAD_PARAMETER;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> ProblemType.INTERNAL;
        };
        if (type == ProblemType.INTERNAL) {
            log.error("Request failed with status {}", exception.getStatusCode(), exception);
        }
        return simple(type, exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception exception, ServerWebExchange exchange) {
        if (Outages.isOutage(exception)) {
            log.warn("Request {} {} met an outage: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), exception.toString());
            HttpHeaders headers = new HttpHeaders();
            unavailable.setRetryAfter(headers);
            return ResponseEntity.status(ProblemType.UNAVAILABLE.status()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(unavailable.problem(exchange, "outage", locale(exchange)));
        }
        log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), exception);
        return simple(ProblemType.INTERNAL, exchange);
    }

    private ResponseEntity<ProblemDetail> simple(ProblemType type, ServerWebExchange exchange) {
        Locale locale = locale(exchange);
        return respond(problems.of(type, problems.detail(type, locale), locale), type);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, ProblemType type) {
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? TolerantLocales.DEFAULT : locale;
    }

    private static JacksonException jacksonCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** The JSON path of the offending value, e.g. {@code subject.householdSize} or {@code attachments[0].size}. */
    static String fieldPath(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
