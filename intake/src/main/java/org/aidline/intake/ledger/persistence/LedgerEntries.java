package org.aidline.intake.ledger.persistence;

/**
 * The one writer of {@code ledger_entry}. The statements that move money (filing, identity,
 * review, payment results) append their entries through this fragment inside their own
 * statement, so that a change and the money it moves commit as one, while the ledger's columns
 * and its append-only shape are written down in one place.
 */
public final class LedgerEntries {

    private LedgerEntries() {
    }

    /**
     * An insert of the entries that {@code rows} selects, in this column order: county_code,
     * grant_id, kind, amount_fen, at, actor, reference, payment_instruction_id.
     */
    public static String append(String rows) {
        return "insert into ledger_entry (county_code, grant_id, kind, amount_fen, at, actor, reference, payment_instruction_id)\n"
                + rows;
    }
}
