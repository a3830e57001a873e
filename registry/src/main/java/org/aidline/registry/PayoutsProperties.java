package org.aidline.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paying payrolls and campaigns ({@code aidline.registry.payouts.*}); the bank and the treasury
 * accounts are intake's ({@code aidline.payments.gateway}, {@code aidline.payments.treasury}).
 *
 * @param enabled whether this instance grants and sends (every instance can; the claims keep them apart)
 * @param batchSize payouts per bulk disburse message
 * @param concurrency bulk messages in flight per instance
 * @param lease how long a claim on a county or a batch holds: a killed instance's work is taken again after it
 * @param resultCheck when to ask again about transactions the bank accepted without a result
 */
@ConfigurationProperties("aidline.registry.payouts")
public record PayoutsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("4") int concurrency,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("120s") Duration lease,
        @DefaultValue("1m") Duration resultCheck,
        @DefaultValue("2s") Duration retryBase,
        @DefaultValue("10m") Duration retryMax) {
}
