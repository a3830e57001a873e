package org.aidline.api.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aidline.api.redis.RedisCircuit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The fast half of idempotency: a key is claimed with SET NX while its request runs and then
 * holds the answer. Every failure of Redis degrades to {@link KeyState.Unknown}, never to an
 * error: the database's unique receipt is what guarantees a single report.
 */
@Component
class RedisIdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(RedisIdempotencyKeys.class);
    private static final String IN_FLIGHT = "P";
    private static final String COMPLETED = "D";

    private final ReactiveStringRedisTemplate redis;
    private final IdempotencyProperties properties;
    private final RedisCircuit circuit;
    private final Counter unavailable;

    RedisIdempotencyKeys(ReactiveStringRedisTemplate redis, IdempotencyProperties properties, RedisCircuit circuit, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.circuit = circuit;
        this.unavailable = Counter.builder("aidline.idempotency.redis.unavailable")
                .description("Idempotency checks that went to PostgreSQL because Redis did not answer")
                .register(meters);
    }

    Mono<KeyState> claim(String owner, String key, String fingerprint) {
        String redisKey = redisKey(owner, key);
        return circuit.call(redis.opsForValue().setIfAbsent(redisKey, IN_FLIGHT + "|" + fingerprint, properties.inFlightTimeout())
                .flatMap(claimed -> claimed
                        ? Mono.<KeyState>just(new KeyState.Claimed())
                        : redis.opsForValue().get(redisKey).map(RedisIdempotencyKeys::parse)
                                .defaultIfEmpty(new KeyState.Unknown())), properties.redisTimeout(), this::unknown);
    }

    Mono<Void> complete(String owner, String key, String fingerprint, String reportId, int status, String body) {
        String value = String.join("|", COMPLETED, fingerprint, reportId, Integer.toString(status), body);
        return circuit.call(redis.opsForValue().set(redisKey(owner, key), value, properties.retention()), properties.redisTimeout(),
                        failure -> unknown(failure).thenReturn(false))
                .then();
    }

    /** Frees a key whose request failed before filing anything, so that the client may retry it. */
    Mono<Void> release(String owner, String key) {
        return circuit.call(redis.delete(redisKey(owner, key)), properties.redisTimeout(), failure -> unknown(failure).thenReturn(0L))
                .then();
    }

    private Mono<KeyState> unknown(Throwable failure) {
        unavailable.increment();
        log.warn("Redis unavailable for idempotency ({}); PostgreSQL decides", failure.toString());
        return Mono.just(new KeyState.Unknown());
    }

    private static KeyState parse(String value) {
        String[] parts = value.split("\\|", 5);
        if (parts[0].equals(COMPLETED) && parts.length == 5) {
            return new KeyState.Completed(parts[1], parts[2], Integer.parseInt(parts[3]), parts[4]);
        }
        return new KeyState.InFlight(parts.length > 1 ? parts[1] : "");
    }

    private static String redisKey(String owner, String key) {
        return "aidline:idempotency:" + owner + ":" + key;
    }
}
