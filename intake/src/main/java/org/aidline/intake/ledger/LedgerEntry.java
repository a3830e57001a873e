package org.aidline.intake.ledger;

import java.time.Instant;
import org.aidline.intake.grant.GrantId;

/** One append-only line of the fund ledger, in signed fen. Corrections are new entries, never edits. */
public record LedgerEntry(EntryKind kind, String countyCode, GrantId grant, long amountFen, Instant at, String actor) {
}
