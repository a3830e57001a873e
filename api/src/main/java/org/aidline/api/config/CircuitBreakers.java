package org.aidline.api.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one registry of the service's circuit breakers (the payment gateway's, Redis's), bound to Micrometer so that each
 * breaker, present or added later, publishes {@code resilience4j.circuitbreaker.state} (1 on its current state's series)
 * and its call counts, tagged with its {@code name}.
 */
@Configuration(proxyBeanMethods = false)
public class CircuitBreakers {

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meters) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        return breakers;
    }
}
