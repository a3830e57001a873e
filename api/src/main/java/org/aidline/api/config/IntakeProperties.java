package org.aidline.api.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Limits on what a client may send. */
@Validated
@ConfigurationProperties("aidline.intake")
public record IntakeProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("20") @Min(1) @Max(100) int defaultPageSize) {
}
