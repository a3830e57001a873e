package org.aidline.api.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When Redis is skipped ({@code aidline.redis.*}).
 *
 * @param failureRate percentage of failed calls (errors and timeouts) in the window that opens the circuit
 * @param minimumCalls calls needed in the window before the rate counts
 * @param window how many of the latest calls are counted
 * @param openFor how long Redis is skipped before a few calls try it again
 * @param reconnectDelay how often Lettuce tries to reconnect a lost connection (its default backs off to 30 s)
 */
@ConfigurationProperties("aidline.redis")
public record RedisCircuitProperties(@DefaultValue("50") float failureRate, @DefaultValue("4") int minimumCalls,
        @DefaultValue("10") int window, @DefaultValue("1s") Duration openFor, @DefaultValue("500ms") Duration reconnectDelay) {
}
