package org.aidline.api.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every use of Redis goes through one breaker: after a few failures or timeouts it opens and
 * Redis is skipped at once (each caller falls back as it would on a failure: rate limits let the
 * request through, idempotency asks PostgreSQL), instead of every request waiting for its own
 * timeout. After {@code openFor} a few calls try Redis again and close it when they succeed.
 */
@Component
public class RedisCircuit {

    private final CircuitBreaker breaker;

    public RedisCircuit(RedisCircuitProperties properties, CircuitBreakerRegistry breakers, MeterRegistry meters) {
        this.breaker = breakers.circuitBreaker("redis", CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .minimumNumberOfCalls(properties.minimumCalls())
                .slidingWindowSize(properties.window())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        Gauge.builder("aidline.redis.circuit.open", breaker, circuit -> circuit.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while Redis is skipped after failures").register(meters);
    }

    /** The call, bounded by {@code timeout}, through the breaker; a failure, a timeout or an open circuit give {@code fallback}. */
    public <T> Mono<T> call(Mono<T> call, Duration timeout, Function<Throwable, Mono<T>> fallback) {
        return call.timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorResume(fallback);
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }
}
