package org.aidline.intake.review;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;
import org.aidline.intake.ledger.EntryKind;
import org.aidline.intake.money.Money;

/**
 * A payment instruction a decision issues: money to pay out ({@link EntryKind#PAYMENT}) or to
 * recover ({@link EntryKind#RECOVERY}), named by the ledger entry it will produce once the
 * gateway confirms it. The id is also the instruction's reference at the gateway.
 */
public record PaymentOrder(UUID id, EntryKind kind, Money amount) {

    private static final TimeBasedEpochRandomGenerator IDS = Generators.timeBasedEpochRandomGenerator();

    public PaymentOrder {
        if (kind != EntryKind.PAYMENT && kind != EntryKind.RECOVERY) {
            throw new IllegalArgumentException("A payment instruction pays or recovers");
        }
        if (amount.fen() == 0) {
            throw new IllegalArgumentException("A payment instruction moves more than 0");
        }
    }

    public static PaymentOrder payment(Money amount) {
        return new PaymentOrder(IDS.generate(), EntryKind.PAYMENT, amount);
    }

    public static PaymentOrder recovery(Money amount) {
        return new PaymentOrder(IDS.generate(), EntryKind.RECOVERY, amount);
    }
}
