package org.aidline.registry.disbursement;

import java.util.UUID;
import org.aidline.intake.ledger.EntryKind;

/** What a payout pays: a month of a payroll, or a campaign's one-off grant. */
public enum PayoutSource {
    PAYROLL,
    CAMPAIGN;

    /** The ledger entry kind its money is posted under. */
    public EntryKind ledgerKind() {
        return this == PAYROLL ? EntryKind.PAYROLL : EntryKind.CAMPAIGN;
    }

    /** The reference of a run's ledger entries, e.g. {@code campaign:<id>}. */
    public String reference(UUID runId) {
        return name().toLowerCase(java.util.Locale.ROOT) + ":" + runId;
    }
}
