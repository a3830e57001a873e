package org.aidline.supervision;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Statistics and exports are kept by county: one county, or every county of the reader's region
 * ({@code regionPrefix}), over {@code [from, to)} (open where null).
 */
public record CountyPeriod(@Nullable String countyCode, String regionCode, String regionPrefix, @Nullable Instant from,
        @Nullable Instant to) {

    /** The county (or region) the period is of, as the audit trail files it. */
    public String county() {
        return countyCode != null ? countyCode : regionCode;
    }

    /** For people and the audit trail: "640104 2026-11-01..2026-11-30" (the last day included). */
    public String describe() {
        return county() + " " + (from == null ? "" : from.atOffset(ZoneOffset.UTC).toLocalDate().toString()) + ".."
                + (to == null ? "" : to.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
}
