package org.aidline.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gauges read from the database ({@code aidline.metrics.*}): outbox age, dead letters, unsealed audit events,
 * payments waiting for the bank.
 *
 * @param pollInterval how often each instance reads them; about the Prometheus scrape interval, so scrapes stay cheap
 */
@ConfigurationProperties("aidline.metrics")
public record MetricsProperties(@DefaultValue("15s") Duration pollInterval) {

    public MetricsProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("aidline.metrics.poll-interval must be positive");
        }
    }
}
