package org.aidline.intake.payment;

import org.aidline.intake.money.Money;

/** What the gateway is asked to move: from the county's treasury account to the household's address. */
public record Disbursement(String referenceId, String payerAddress, String payeeAddress, Money amount, PaymentKind kind) {

    public Disbursement {
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("A disbursement moves a positive amount");
        }
    }

    /** The note on the statements: recoveries are marked so the bank and the auditors can tell them apart. */
    public String note() {
        if (kind == PaymentKind.PROGRAMME) {
            return "social assistance " + referenceId;
        }
        return kind == PaymentKind.RECOVERY ? "recovery of temporary aid " + referenceId : "temporary aid " + referenceId;
    }

    public String purpose() {
        if (kind == PaymentKind.PROGRAMME) {
            return "social-assistance";
        }
        return kind == PaymentKind.RECOVERY ? "recovery" : "temporary-aid";
    }
}
