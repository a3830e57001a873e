package org.aidline.api.ratelimit;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many POSTs one token subject, and one client address, may send per window. The address limit
 * is a coarse guard against one machine with many tokens: a whole village or a mobile carrier's NAT
 * pool can share an address, so it sits far above what one subject may send.
 */
@Validated
@ConfigurationProperties("aidline.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1M") Duration window,
        @DefaultValue("30") @Min(1) long perSubject,
        @DefaultValue("3000") @Min(1) long perAddress,
        @DefaultValue("PT0.5S") Duration redisTimeout) {
}
