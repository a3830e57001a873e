package org.aidline.api.grant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The documents-deadline sweep: whether it runs, how often, and how many grants one statement claims. */
@Validated
@ConfigurationProperties("aidline.grants")
public record GrantsProperties(
        @DefaultValue("true") boolean sweepEnabled,
        @DefaultValue("1m") Duration sweepPeriod,
        @DefaultValue("100") @Min(1) @Max(10_000) int sweepBatchSize) {

    public GrantsProperties {
        if (sweepPeriod.isNegative() || sweepPeriod.isZero()) {
            throw new IllegalArgumentException("aidline.grants.sweep-period must be positive");
        }
    }
}
