package org.aidline.notification;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 12345 exchange ({@code aidline.platform-exchange.*}): where the platform's webhook is and the
 * secret both sides sign with. Without a webhook URL (or with {@code enabled=false}) changes are
 * still queued and wait: nothing is lost, they go once it is configured.
 *
 * @param enabled whether this instance follows the tasks and sends (every instance can; claims keep them apart)
 * @param pollInterval the safety net behind LISTEN/NOTIFY, and how soon a task's change is queued
 * @param lease how long a claim holds; must outlast one webhook call twice
 * @param maxAttempts tries before a change is a dead letter
 */
@ConfigurationProperties("aidline.platform-exchange")
public record PlatformExchangeProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable URI webhookUrl,
        @Nullable String secret,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("4") int concurrency,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue Retry retry) {

    public PlatformExchangeProperties {
        if (webhookUrl != null && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException("aidline.platform-exchange.webhook-url needs aidline.platform-exchange.secret to sign with");
        }
        if (lease.compareTo(timeout.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("aidline.platform-exchange.lease must outlast a webhook call twice (" + timeout.multipliedBy(2) + ")");
        }
        if (maxAttempts < 1 || batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException("aidline.platform-exchange.max-attempts, batch-size and concurrency must be positive");
        }
    }

    /** Whether changes are sent from this instance. */
    public boolean sending() {
        return enabled && webhookUrl != null;
    }

    public record Retry(@DefaultValue("1s") Duration base, @DefaultValue("10m") Duration max) {
    }
}
