package org.aidline.api.monitoring.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How monitoring flag uploads are processed. */
@Validated
@ConfigurationProperties("aidline.monitoring")
public record MonitoringProperties(
        /** Flags of one upload in flight at once: each holds a pooled database connection while it is filed. */
        @DefaultValue("4") @Min(1) @Max(16) int concurrency,
        /** Rows looked up together to find flags received before: one query per batch. */
        @DefaultValue("200") @Min(1) @Max(1000) int batchSize,
        /** Bad rows listed in an upload's summary; the rest are only counted. */
        @DefaultValue("1000") @Min(0) int maxErrors,
        /** Uploads filing their flags at once on an instance; the next ones wait their turn (see UploadTurns). */
        @DefaultValue("1") @Min(1) @Max(16) int uploadsAtOnce,
        /** Uploads waiting for their turn on an instance; one more is refused with 503. */
        @DefaultValue("32") @Min(0) int uploadsWaiting,
        /** The source assumed when an upload names none: the provincial monitoring platform. */
        @DefaultValue(MonitoringProperties.PROVINCE) @Pattern(regexp = MonitoringProperties.SOURCE_FORMAT) String defaultSource) {

    static final String PROVINCE = "province";
    static final String SOURCE_FORMAT = "[a-z0-9][a-z0-9.-]{0,63}";
}
