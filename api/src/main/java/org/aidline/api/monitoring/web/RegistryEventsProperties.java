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
        /**
         * Events of one request that act; those after them are refused. Each event is a transaction of its own,
         * so that the whole request stays within the standard request budget (10 s) on a loaded machine.
         */
        @DefaultValue("500") @Min(1) @Max(10000) int maxBatch,
        /** Events of one request in flight at once: each holds a pooled database connection for its transaction. */
        @DefaultValue("4") @Min(1) @Max(16) int concurrency) {
}
