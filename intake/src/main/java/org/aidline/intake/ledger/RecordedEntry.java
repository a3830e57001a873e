package org.aidline.intake.ledger;

import org.jspecify.annotations.Nullable;

/** A ledger entry as stored: its position in the ledger (append order) and the reference it was booked under. */
public record RecordedEntry(long id, LedgerEntry entry, @Nullable String reference) {
}
