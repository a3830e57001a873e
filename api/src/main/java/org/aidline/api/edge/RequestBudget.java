package org.aidline.api.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.aidline.api.problem.ProblemHandler;
import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.problem.Unavailable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * No request answers later than its budget: when it runs out, the work under way is cancelled (a
 * transaction in progress rolls back) and the client gets 503 with Retry-After at once, rather than
 * a connection that hangs while a lock or an unreachable database holds it up.
 */
@Component
public class RequestBudget implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestBudget.class);
    private static final PathPatternParser PATHS = PathPatternParser.defaultInstance;
    private static final PathPattern UPLOADS = PATHS.parse("/api/v1/monitoring/flags");
    private static final PathPattern IMPORTS = PATHS.parse("/api/v1/registry/imports");
    private static final PathPattern EXPORTS = PATHS.parse("/api/v1/exports/**");
    // Open for as long as the coordinator's app listens: its end is not an answer that could be late.
    private static final PathPattern LIVE_STREAM = PATHS.parse("/api/v1/coordinator/tasks/stream");

    private final EdgeProperties.Budget budget;
    private final ProblemResponses responses;
    private final Unavailable unavailable;
    private final Counter outOfTime;

    public RequestBudget(EdgeProperties edge, ProblemResponses responses, Unavailable unavailable, MeterRegistry meters) {
        this.budget = edge.budget();
        this.responses = responses;
        this.unavailable = unavailable;
        this.outOfTime = Counter.builder("aidline.requests.out.of.time")
                .description("Requests cancelled and answered 503 because they ran past their time budget").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Duration allowed = budgetOf(exchange.getRequest());
        if (allowed == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).timeout(allowed, Mono.defer(() -> outOfTime(exchange, allowed)));
    }

    private @Nullable Duration budgetOf(ServerHttpRequest request) {
        var path = request.getPath().pathWithinApplication();
        HttpMethod method = request.getMethod();
        if (LIVE_STREAM.matches(path)) {
            return null;
        }
        if (Filings.isFiling(request)) {
            return budget.filing();
        }
        if ((method == HttpMethod.POST && (UPLOADS.matches(path) || IMPORTS.matches(path))) || (method == HttpMethod.GET && EXPORTS.matches(path))) {
            return budget.bulk();
        }
        return budget.standard();
    }

    private Mono<Void> outOfTime(ServerWebExchange exchange, Duration allowed) {
        outOfTime.increment();
        log.warn("{} {} ran past its budget of {} ms: cancelled, answered 503", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), allowed.toMillis());
        if (exchange.getResponse().isCommitted()) {
            // Part of the answer has left: nothing can replace it; the connection is closed so the client sees it cut.
            return Mono.error(new IllegalStateException("Response cut: out of time after it started"));
        }
        unavailable.setRetryAfter(exchange.getResponse().getHeaders());
        return responses.write(exchange, unavailable.problem(exchange, "out-of-time", ProblemHandler.locale(exchange)));
    }

    /** Right after {@link RequestLimits}: everything else, Spring Security included, runs within the budget. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
