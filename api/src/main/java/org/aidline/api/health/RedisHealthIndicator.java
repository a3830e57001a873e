package org.aidline.api.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Redis as health sees it: reported, but never DOWN. Reports are taken without Redis (the
 * database keeps idempotency and nothing is lost), so its absence is DEGRADED, which the status
 * order ranks below UP: the service stays in the load balancer.
 */
@Component("redis")
public class RedisHealthIndicator implements ReactiveHealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Redis is unreachable: intake continues without rate limits and fast idempotency");

    private final ReactiveStringRedisTemplate redis;

    public RedisHealthIndicator(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Health> health() {
        return redis.execute(connection -> connection.ping()).next()
                .timeout(Duration.ofSeconds(1))
                .map(pong -> Health.up().build())
                .onErrorResume(failure -> Mono.just(Health.status(DEGRADED).withDetail("error", failure.getClass().getSimpleName()).build()));
    }
}
