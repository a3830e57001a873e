package org.aidline.intake.ledger;

/** Kinds of ledger entries. Amounts are signed: grants and payments positive, their reversals negative. */
public enum EntryKind {
    /** Aid decided (+). */
    GRANT,
    /** A supervisor's change of the granted amount (+ or -). */
    ADJUSTMENT,
    /** A grant revoked (- its amount). */
    REVOCATION,
    /** Money paid out (+). */
    PAYMENT,
    /** Money recovered (-). */
    RECOVERY;

    /** Entries that change what is owed to the household, as opposed to what has moved. */
    public boolean isEntitlement() {
        return this == GRANT || this == ADJUSTMENT || this == REVOCATION;
    }
}
