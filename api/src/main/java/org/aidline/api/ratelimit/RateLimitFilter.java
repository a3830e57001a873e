package org.aidline.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.problem.ProblemType;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Fixed-window limits on POSTs per token subject and per client address, counted in Redis so
 * that every instance shares them. Redis down means no limit (fail open, counted), never a
 * refused report.
 */
@Component
@Order(0) // after Spring Security's filter chain, so the subject is known
public class RateLimitFilter implements WebFilter {

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final Clock clock;
    private final Counter failedOpen;
    private final Counter limited;

    public RateLimitFilter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, ProblemResponses problems,
            Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.problems = problems;
        this.clock = clock;
        this.failedOpen = Counter.builder("aidline.ratelimit.failed.open")
                .description("Requests let through unchecked because Redis did not answer").register(meters);
        this.limited = Counter.builder("aidline.ratelimit.refused")
                .description("Requests refused with 429").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled() || exchange.getRequest().getMethod() != HttpMethod.POST
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        long windowMillis = properties.window().toMillis();
        long window = clock.millis() / windowMillis;
        long retryAfterSeconds = Math.max(1, ((window + 1) * windowMillis - clock.millis() + 999) / 1000);
        Mono<Boolean> byAddress = within("address:" + address(exchange), window, properties.perAddress());
        Mono<Boolean> bySubject = ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(authentication -> within("subject:" + authentication.getName(), window, properties.perSubject()))
                .defaultIfEmpty(true);
        return Mono.zip(byAddress, bySubject, (address, subject) -> address && subject)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : refuse(exchange, retryAfterSeconds));
    }

    private Mono<Boolean> within(String who, long window, long limit) {
        String key = "aidline:ratelimit:" + who + ":" + window;
        return redis.opsForValue().increment(key)
                .flatMap(count -> count == 1
                        ? redis.expire(key, properties.window().multipliedBy(2)).thenReturn(count)
                        : Mono.just(count))
                .map(count -> count <= limit)
                .timeout(properties.redisTimeout())
                .onErrorResume(failure -> {
                    failedOpen.increment();
                    return Mono.just(true);
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long retryAfterSeconds) {
        limited.increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        ProblemDetail problem = problems.problems().of(ProblemType.TOO_MANY_REQUESTS,
                problems.problems().message("problem.too-many-requests.detail", locale(exchange)), locale(exchange));
        problems.problems().withProperties(problem, Map.of("retryAfterSeconds", retryAfterSeconds));
        return problems.write(exchange, problem);
    }

    private static java.util.Locale locale(ServerWebExchange exchange) {
        java.util.Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? java.util.Locale.ENGLISH : locale;
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
