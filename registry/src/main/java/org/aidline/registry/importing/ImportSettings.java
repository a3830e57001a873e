package org.aidline.registry.importing;

/** How imports run: rows written per statement, and refused rows listed per import (the rest are counted). */
public record ImportSettings(int batchSize, int maxErrors) {

    public ImportSettings {
        if (batchSize < 1 || maxErrors < 0) {
            throw new IllegalArgumentException("An import needs a batch of at least one row and a non-negative error list");
        }
    }
}
