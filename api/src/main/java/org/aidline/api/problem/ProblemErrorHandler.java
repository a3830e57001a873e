package org.aidline.api.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last resort for failures outside controllers (filters, codecs): still problem+json, and
 * still no stack trace. Runs before Boot's own error handler.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses responses;
    private final Unavailable unavailable;

    public ProblemErrorHandler(ProblemResponses responses, Unavailable unavailable) {
        this.responses = responses;
        this.unavailable = unavailable;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ServerExchangeRejectedException) {
            // A header or query parameter the firewall refuses when a filter first reads it.
            return responses.write(exchange, ProblemType.REJECTED_REQUEST);
        }
        if (failure instanceof ResponseStatusException status) {
            ProblemType type = switch (status.getStatusCode().value()) {
                case 400 -> ProblemType.MALFORMED_BODY;
                case 401 -> ProblemType.UNAUTHENTICATED;
                case 403 -> ProblemType.FORBIDDEN;
                case 404 -> ProblemType.NOT_FOUND;
                case 405 -> ProblemType.METHOD_NOT_ALLOWED;
                case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
                case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                default -> ProblemType.INTERNAL;
            };
            if (type != ProblemType.INTERNAL) {
                return responses.write(exchange, type);
            }
        }
        if (Outages.isOutage(failure) && !exchange.getResponse().isCommitted()) {
            log.warn("Request {} {} met an outage outside a controller: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    failure.toString());
            unavailable.setRetryAfter(exchange.getResponse().getHeaders());
            return responses.write(exchange, unavailable.problem(exchange, "outage", ProblemHandler.locale(exchange)));
        }
        log.error("Request {} {} failed outside a controller", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        return responses.write(exchange, ProblemType.INTERNAL);
    }
}
