package org.aidline.intake.ledger;

import java.time.Instant;

/**
 * What the registry posts to the fund ledger for a county's people: the sum of one statement's
 * payments (a payroll) or grants (a campaign), under the run's reference, e.g. {@code campaign:<id>}.
 */
public record ProgrammePosting(EntryKind kind, String countyCode, long amountFen, String reference, Instant at, String actor) {

    public ProgrammePosting {
        if (!kind.isProgramme()) {
            throw new IllegalArgumentException("A programme posting is a PAYROLL or CAMPAIGN entry, not " + kind);
        }
        if (amountFen <= 0) {
            throw new IllegalArgumentException("A programme posting moves a positive amount");
        }
        if (!countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("A county code has 6 digits");
        }
    }
}
