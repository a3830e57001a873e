package org.aidline.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How registry imports run (checked where they become {@link org.aidline.registry.importing.ImportSettings}). */
@ConfigurationProperties("aidline.registry.imports")
public record RegistryImportProperties(
        /**
         * Rows written by one statement: large enough that a round trip is nothing beside the rows, small enough to keep memory flat;
         * with two batches at once, 1,000 measured faster than 2,000 (the connections take turns more finely: bench/README.md).
         */
        @DefaultValue("1000") int batchSize,
        /** Refused rows listed in an import (its row and its answers); the rest are only counted. */
        @DefaultValue("1000") int maxErrors,
        /**
         * Batches written at once, each in a transaction on its own connection: two keep both cores of a small database busy (one
         * batch's triggers run while the next one's rows go in); more only queue for the CPU and hold more batches in memory.
         */
        @DefaultValue("2") int concurrency) {
}
