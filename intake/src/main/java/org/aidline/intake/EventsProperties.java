package org.aidline.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivering intake's events to their subscribers ({@code aidline.events.*}).
 *
 * @param enabled whether this instance consumes (every instance can; one consumes per subscriber at a time)
 * @param pollInterval the safety net beside LISTEN/NOTIFY: events are looked for at least this often
 * @param batchSize events consumed in one transaction
 */
@ConfigurationProperties("aidline.events")
public record EventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize) {

    public EventsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("aidline.events.batch-size must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("aidline.events.poll-interval must be positive");
        }
    }
}
