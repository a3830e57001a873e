package org.aidline.intake.ledger;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to read: those of one county, or of every county whose code starts with the
 * region's prefix, booked in [{@code from}, {@code to}).
 */
public record LedgerFilter(@Nullable String countyCode, String regionPrefix, @Nullable Instant from, @Nullable Instant to) {

    public LedgerFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
