package org.aidline.notification.stream.redis;

import java.time.Duration;
import org.aidline.notification.stream.TaskSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Fans signals out through Redis pub/sub. This instance's own signals are also delivered locally,
 * so its streams stay live when Redis is down; other instances' then arrive with the next poll.
 */
public class RedisTaskSignals implements TaskSignals {

    static final String CHANNEL = "aidline:task-signals";
    private static final Logger log = LoggerFactory.getLogger(RedisTaskSignals.class);

    private final ReactiveStringRedisTemplate redis;
    private final Sinks.Many<String> local = Sinks.many().multicast().directBestEffort();
    private final Flux<String> changes;

    public RedisTaskSignals(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
        Flux<String> remote = Flux.defer(() -> redis.listenToChannel(CHANNEL))
                .map(message -> message.getMessage())
                // Redis away: subscribe again, calmly, for as long as the application runs.
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.debug("Task signals from Redis lost; subscribing again", signal.failure())));
        this.changes = Flux.merge(local.asFlux(), remote).share();
    }

    @Override
    public void changed(String recipient) {
        // A few tries when another thread is emitting, never indefinitely (this runs on event loops);
        // a signal given up only delays that stream to its next poll.
        for (int attempt = 0; attempt < 100 && local.tryEmitNext(recipient) == Sinks.EmitResult.FAIL_NON_SERIALIZED; attempt++) {
            Thread.onSpinWait();
        }
        redis.convertAndSend(CHANNEL, recipient)
                .timeout(Duration.ofSeconds(1))
                .subscribe(received -> {
                }, failure -> log.debug("Task signal not published to Redis; other instances see it at their next poll", failure));
    }

    @Override
    public Flux<String> changes() {
        return changes;
    }
}
