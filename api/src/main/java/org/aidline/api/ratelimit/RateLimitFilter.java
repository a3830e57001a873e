package org.aidline.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.redis.RedisCircuit;
import org.aidline.api.problem.ProblemType;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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

    private static final String KEY_PREFIX = "aidline:ratelimit:";

    /**
     * Counts the request against every key (address, then subject) and starts a new key's expiry
     * (two windows, so a window's counter outlives it), answering the counts in key order: one Redis
     * round trip per request instead of an INCR per key plus an EXPIRE on first use. Atomic, so a
     * key can never be left without an expiry. (A Redis Cluster would refuse two keys of different
     * slots in one script, and the filter would fail open: the keys would then need a common hash tag.)
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local counts = {}
            for i, key in ipairs(KEYS) do
              local count = redis.call('INCR', key)
              if count == 1 then
                redis.call('PEXPIRE', key, ARGV[1])
              end
              counts[i] = count
            end
            return counts
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final Clock clock;
    private final RedisCircuit circuit;
    private final Counter failedOpen;
    private final Counter limited;

    public RateLimitFilter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, ProblemResponses problems,
            Clock clock, RedisCircuit circuit, MeterRegistry meters) {
        this.redis = redis;
        this.circuit = circuit;
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
                || !isLimited(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        long windowMillis = properties.window().toMillis();
        long now = clock.millis();
        long window = now / windowMillis;
        long retryAfterSeconds = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
        String byAddress = KEY_PREFIX + "address:" + address(exchange) + ":" + window;
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(authentication -> List.of(byAddress, KEY_PREFIX + "subject:" + authentication.getName() + ":" + window))
                .defaultIfEmpty(List.of(byAddress))
                .flatMap(this::withinLimits)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : refuse(exchange, retryAfterSeconds));
    }

    /** One round trip: both counters counted (address first, then subject if known) and compared to their limits. */
    private Mono<Boolean> withinLimits(List<String> keys) {
        String expiryMillis = Long.toString(properties.window().multipliedBy(2).toMillis());
        return circuit.call(redis.execute(COUNT, keys, List.of(expiryMillis))
                .flatMapIterable(RateLimitFilter::counts)
                .collectList()
                .map(counts -> {
                    if (counts.size() != keys.size()) {
                        throw new IllegalStateException("The rate-limit script answered " + counts + " for " + keys);
                    }
                    return counts.get(0) <= properties.perAddress()
                            && (counts.size() < 2 || counts.get(1) <= properties.perSubject());
                }), properties.redisTimeout(), failure -> {
                    failedOpen.increment();
                    return Mono.just(true);
                });
    }

    /** A multi-bulk reply may reach us as its elements or as one list, depending on the driver. */
    private static List<Long> counts(Object reply) {
        if (reply instanceof List<?> list) {
            return list.stream().map(count -> ((Number) count).longValue()).toList();
        }
        return List.of(((Number) reply).longValue());
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

    /** The API's POSTs and Open311's, which files reports too. */
    private static boolean isLimited(String path) {
        return path.startsWith("/api/") || path.startsWith("/open311/");
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
