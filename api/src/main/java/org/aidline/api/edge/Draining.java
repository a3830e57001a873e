package org.aidline.api.edge;

import java.util.concurrent.atomic.AtomicBoolean;
import org.aidline.api.problem.ProblemHandler;
import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.problem.Unavailable;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Shutdown in progress is a 503, not a lost request: once this instance refuses traffic (Spring
 * publishes that as it starts to close, before graceful shutdown lets the requests under way
 * finish), a request still arriving on a kept-alive connection is answered 503 with Retry-After
 * and {@code Connection: close}, having done nothing, so that the client's retry reaches an
 * instance that stays. The probes under /actuator keep answering for themselves.
 */
@Component
public class Draining implements WebFilter, Ordered {

    private final AtomicBoolean refusing = new AtomicBoolean();
    private final ProblemResponses responses;
    private final Unavailable unavailable;

    public Draining(ProblemResponses responses, Unavailable unavailable) {
        this.responses = responses;
        this.unavailable = unavailable;
    }

    /** Only a change seen after start counts: before it is ready the instance is not yet in the load balancer. */
    @EventListener
    void on(AvailabilityChangeEvent<ReadinessState> change) {
        refusing.set(change.getState() == ReadinessState.REFUSING_TRAFFIC);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!refusing.get() || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        unavailable.setRetryAfter(headers, 1);
        headers.set(HttpHeaders.CONNECTION, "close");
        return responses.write(exchange, unavailable.draining(exchange, ProblemHandler.locale(exchange)));
    }

    /** Right after the size limits: nothing else need run for a request this instance will not take. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
