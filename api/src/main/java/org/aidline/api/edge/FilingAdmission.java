package org.aidline.api.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidline.api.problem.ProblemHandler;
import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.problem.Unavailable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Overload is shed, not suffered: at most {@code maxInFlightFilings} filings run at once on this
 * instance; one more is answered 503 with Retry-After at once, having done nothing. Without it a
 * surge lengthens every filing's wait for the database until all of them run out of time.
 * A limit of this instance's capacity, so it lives in the instance; it is not shared state.
 */
@Component
public class FilingAdmission implements WebFilter, Ordered {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ProblemResponses responses;
    private final Unavailable unavailable;
    private final Counter shed;

    public FilingAdmission(EdgeProperties edge, ProblemResponses responses, Unavailable unavailable, MeterRegistry meters) {
        this.limit = edge.maxInFlightFilings();
        this.responses = responses;
        this.unavailable = unavailable;
        this.shed = Counter.builder("aidline.filings.shed").description("Filings refused with 503 because this instance was at its limit")
                .register(meters);
        Gauge.builder("aidline.filings.in.flight", inFlight, AtomicInteger::get).description("Filings running on this instance")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!Filings.isFiling(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            if (inFlight.incrementAndGet() > limit) {
                inFlight.decrementAndGet();
                shed.increment();
                unavailable.setRetryAfter(exchange.getResponse().getHeaders(), 1);
                return responses.write(exchange, unavailable.shed(exchange, ProblemHandler.locale(exchange)));
            }
            return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
        });
    }

    /** After the budget: a filing waiting here would not be admitted any sooner. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }
}
