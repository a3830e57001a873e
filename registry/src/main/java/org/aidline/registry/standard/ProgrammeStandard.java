package org.aidline.registry.standard;

import java.time.Instant;
import java.time.LocalDate;
import org.aidline.registry.Programme;

/** The monthly standard of a programme in a county from a date: versioned policy data, never edited in place by time. */
public record ProgrammeStandard(String countyCode, Programme programme, LocalDate effectiveFrom, long monthlyAmountFen, String changedBy,
        Instant changedAt) {

    public ProgrammeStandard {
        if (!countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("A county code has 6 digits");
        }
        if (monthlyAmountFen <= 0) {
            throw new IllegalArgumentException("A standard is a positive monthly amount");
        }
    }
}
