package org.aidline.api.casework;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The closure sweep: cases close the moment their last condition is met (a decision, a step, the
 * task completed); the sweep closes those an instance stopped before closing, every period.
 */
@Validated
@ConfigurationProperties("aidline.casework")
public record CaseworkProperties(
        @DefaultValue("true") boolean closureSweepEnabled,
        @DefaultValue("5m") Duration closureSweepPeriod,
        @DefaultValue("100") @Min(1) @Max(10_000) int closureSweepPageSize) {

    public CaseworkProperties {
        if (closureSweepPeriod.isNegative() || closureSweepPeriod.isZero()) {
            throw new IllegalArgumentException("aidline.casework.closure-sweep-period must be positive");
        }
    }
}
