package org.aidline.intake.review;

import java.time.Instant;
import java.util.Map;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.ledger.LedgerEntry;
import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Everything one supervisor decision changes, written in one statement: the grant's new state
 * (if the grant is still at {@code expectedVersion} and what is paid or being paid is still
 * {@code expectedPaid}), the entitlement entry of the ledger, the payment instruction, and the
 * event in the report's history.
 */
public record GrantChange(
        GrantUnderReview before,
        GrantStatus status,
        Money amount,
        Money awaitingApproval,
        @Nullable LedgerEntry entitlement,
        @Nullable PaymentOrder order,
        String eventType,
        Map<String, Object> eventDetail,
        String actor,
        Instant at) {

    public GrantChange {
        if (entitlement != null && !entitlement.kind().isEntitlement()) {
            throw new IllegalArgumentException("A decision changes the entitlement; payments are the gateway's to record");
        }
        if (entitlement != null && entitlement.amountFen() != amount.fen() - before.amount().fen()) {
            throw new IllegalArgumentException("The ledger entry must be exactly the change of the granted amount");
        }
        if (entitlement == null && amount.fen() != before.amount().fen()) {
            throw new IllegalArgumentException("A change of the granted amount is always on the ledger");
        }
        eventDetail = Map.copyOf(eventDetail);
    }

    /** The grant as it stands after the change, one version on. */
    public GrantUnderReview after() {
        long paid = before.paidOrBeingPaid().fen();
        if (order != null) {
            paid += order.kind() == org.aidline.intake.ledger.EntryKind.PAYMENT ? order.amount().fen() : -order.amount().fen();
        }
        return new GrantUnderReview(before.id(), before.report(), before.reportReference(), before.village(), before.countyCode(),
                status, amount, awaitingApproval, Money.ofFen(paid), before.overrideReason(), before.policy(),
                before.version() + 1, at);
    }
}
