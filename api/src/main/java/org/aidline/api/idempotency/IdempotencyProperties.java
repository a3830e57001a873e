package org.aidline.api.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Redis remembers keys: completed ones for the retry window, claimed ones only while a
 * request could still be running. PostgreSQL keeps every receipt regardless.
 */
@ConfigurationProperties("aidline.idempotency")
public record IdempotencyProperties(
        @DefaultValue("PT24H") Duration retention,
        @DefaultValue("PT30S") Duration inFlightTimeout,
        @DefaultValue("PT0.5S") Duration redisTimeout) {
}
