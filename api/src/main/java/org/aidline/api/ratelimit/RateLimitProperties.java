package org.aidline.api.ratelimit;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How many POSTs one subject and one client address may send per window. */
@Validated
@ConfigurationProperties("aidline.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1M") Duration window,
        @DefaultValue("30") @Min(1) long perSubject,
        @DefaultValue("600") @Min(1) long perAddress,
        @DefaultValue("PT0.5S") Duration redisTimeout) {
}
