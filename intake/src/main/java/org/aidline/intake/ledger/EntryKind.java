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
    RECOVERY,
    /** A monthly payroll of the registry, for one county (+): the sum of the payments one statement made. */
    PAYROLL,
    /** A one-off campaign of the registry, for one county (+): the sum of the grants one statement made. */
    CAMPAIGN;

    /** Entries that change what is owed to the household, as opposed to what has moved. */
    public boolean isEntitlement() {
        // Programme postings (PAYROLL, CAMPAIGN) are money instructed to the bank: no grant is owed by them.
        return this == GRANT || this == ADJUSTMENT || this == REVOCATION;
    }

    /** Entries the registry posts for a county's people, with no grant of intake behind them. */
    public boolean isProgramme() {
        return this == PAYROLL || this == CAMPAIGN;
    }
}
