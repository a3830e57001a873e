package org.aidline.intake.ledger;

import java.time.Instant;
import org.aidline.intake.grant.GrantId;
import org.jspecify.annotations.Nullable;

/**
 * One append-only line of the fund ledger, in signed fen. Corrections are new entries, never edits.
 * The registry's programme postings (payrolls, campaigns) have no grant.
 */
public record LedgerEntry(EntryKind kind, String countyCode, @Nullable GrantId grant, long amountFen, Instant at, String actor) {
}
