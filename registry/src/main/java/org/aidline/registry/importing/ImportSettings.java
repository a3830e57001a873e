package org.aidline.registry.importing;

/** How imports run: rows written per statement, batches written at once, and refused rows listed per import (the rest are counted). */
public record ImportSettings(int batchSize, int maxErrors, int concurrency) {

    public ImportSettings {
        if (batchSize < 1 || maxErrors < 0 || concurrency < 1) {
            throw new IllegalArgumentException("An import needs a batch of at least one row, one write at a time at least and a non-negative "
                    + "error list");
        }
    }
}
