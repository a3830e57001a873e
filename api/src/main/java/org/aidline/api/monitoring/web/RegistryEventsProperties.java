package org.aidline.api.monitoring.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How the departments' registry events are received. */
@Validated
@ConfigurationProperties("aidline.registry.events")
public record RegistryEventsProperties(
        /** Events of one request at most: a request is read whole, so its size is bounded (the feed sends more requests). */
        @DefaultValue("1000") @Min(1) @Max(10000) int maxBatch,
        /** Events of one request in flight at once: each holds a pooled database connection for its transaction. */
        @DefaultValue("4") @Min(1) @Max(16) int concurrency) {
}
