package org.aidline.api.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Redis remembers keys: completed ones for the retry window, claimed ones only while a
 * request could still be running. PostgreSQL keeps every receipt regardless.
 *
 * <p>{@code inFlightTimeout} is just over a filing's time budget ({@code aidline.edge.budget.filing},
 * 5 s): no filing runs longer, so a claim older than that was left by an instance that died, and
 * the client's retry (409 until then) goes through.
 */
@ConfigurationProperties("aidline.idempotency")
public record IdempotencyProperties(
        @DefaultValue("PT24H") Duration retention,
        @DefaultValue("PT6S") Duration inFlightTimeout,
        @DefaultValue("PT0.5S") Duration redisTimeout) {
}
