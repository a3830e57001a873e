package org.aidline.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.aidline.api.problem.ProblemHandler;
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
 * Fixed-window limits on POSTs, counted in Redis so that every instance shares them: per token
 * subject (the limit that matters: one citizen, one app), and per client address only as a coarse
 * guard sized for carrier-grade NAT, where thousands of citizens share one address. A request
 * without a subject (none reaches this filter today: every limited POST needs a token) counts per
 * address at the subject's limit. Answers carry the IETF RateLimit-Policy and RateLimit fields
 * (draft-ietf-httpapi-ratelimit-headers-10) and a 429 Retry-After. Redis down means no limit (fail
 * open, counted) and no RateLimit fields, never a refused report.
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
        String address = address(exchange);
        String byAddress = KEY_PREFIX + "address:" + address + ":" + window;
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(authentication -> List.of(KEY_PREFIX + "subject:" + authentication.getName() + ":" + window, byAddress))
                .defaultIfEmpty(List.of(KEY_PREFIX + "anonymous:" + address + ":" + window, byAddress))
                .flatMap(this::count)
                .flatMap(counts -> {
                    if (counts.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    RateLimitFields fields = fields(counts.get(0), counts.get(1), retryAfterSeconds);
                    fields.writeTo(exchange.getResponse().getHeaders());
                    return fields.exceeded() ? refuse(exchange, retryAfterSeconds) : chain.filter(exchange);
                });
    }

    /**
     * One round trip: the subject's (or anonymous address's) counter, then the address's, each counted
     * once; empty when Redis did not answer.
     */
    private Mono<List<Long>> count(List<String> keys) {
        String expiryMillis = Long.toString(properties.window().multipliedBy(2).toMillis());
        return circuit.call(redis.execute(COUNT, keys, List.of(expiryMillis))
                .flatMapIterable(RateLimitFilter::counts)
                .collectList()
                .map(counts -> {
                    if (counts.size() != keys.size()) {
                        throw new IllegalStateException("The rate-limit script answered " + counts + " for " + keys);
                    }
                    return counts;
                }), properties.redisTimeout(), failure -> {
                    failedOpen.increment();
                    return Mono.just(List.of());
                });
    }

    private RateLimitFields fields(long subjectCount, long addressCount, long resetSeconds) {
        long windowSeconds = Math.max(1, properties.window().toSeconds());
        return new RateLimitFields(List.of(
                new RateLimitFields.Quota("subject", properties.perSubject(), subjectCount, windowSeconds, resetSeconds),
                new RateLimitFields.Quota("address", properties.perAddress(), addressCount, windowSeconds, resetSeconds)));
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
                problems.problems().message("problem.too-many-requests.detail", ProblemHandler.locale(exchange)), ProblemHandler.locale(exchange));
        problems.problems().withProperties(problem, Map.of("retryAfterSeconds", retryAfterSeconds));
        return problems.write(exchange, problem);
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
