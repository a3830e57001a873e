package org.aidline.intake.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.ledger.EntryKind;
import org.aidline.intake.ledger.LedgerEntry;
import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a supervisor's decision does to a grant, as pure functions.
 *
 * <p>The entitlement (the granted amount) always moves together with an entitlement entry of the
 * ledger of exactly the same signed amount, so per county the GRANT, ADJUSTMENT and REVOCATION
 * entries sum to the grants' amounts; a revoked grant's amount is 0.
 *
 * <p>Money follows the entitlement, never more: a higher amount is paid for the difference; a
 * lower one (or a revocation) recovers only what has been paid or is being paid above the new
 * amount, i.e. {@code min(old - new, max(0, paidOrBeingPaid - new))}. Instructions that failed
 * moved nothing and are not counted, so money that never left is never clawed back.
 */
public final class ReviewRules {

    /** The statuses in which a grant waits for its review. */
    public static final Set<GrantStatus> REVIEWABLE = EnumSet.of(GrantStatus.AWAITING_DOCUMENTS, GrantStatus.DOCUMENTED, GrantStatus.OVERDUE);
    /** The statuses in which the part above the cap may still be approved: the grant is payable and not revoked. */
    public static final Set<GrantStatus> APPROVABLE = EnumSet.of(GrantStatus.AWAITING_DOCUMENTS, GrantStatus.DOCUMENTED,
            GrantStatus.OVERDUE, GrantStatus.CONFIRMED);

    public static final String REVIEWED = "REVIEWED";
    public static final String APPROVED = "APPROVED";
    public static final String APPROVAL_REFUSED = "APPROVAL_REFUSED";
    public static final String OVERRIDDEN = "OVERRIDDEN";

    private ReviewRules() {
    }

    public static GrantChange review(GrantUnderReview grant, ReviewDecision decision, String supervisor, Instant at) {
        if (!REVIEWABLE.contains(grant.status())) {
            throw new ReviewConflictException("A grant is reviewed while awaiting documents, documented or overdue; this one is "
                    + grant.status() + ".");
        }
        Money before = grant.amount();
        Money after = switch (decision.outcome()) {
            case CONFIRM -> before;
            case ADJUST -> decision.amount();
            case REVOKE -> Money.ofFen(0);
        };
        long difference = after.fen() - before.fen();
        LedgerEntry entry = null;
        if (decision.outcome() == ReviewOutcome.REVOKE) {
            entry = before.fen() == 0 ? null : entry(grant, EntryKind.REVOCATION, difference, supervisor, at);
        } else if (difference != 0) {
            entry = entry(grant, EntryKind.ADJUSTMENT, difference, supervisor, at);
        }
        PaymentOrder order = difference > 0 ? PaymentOrder.payment(Money.ofFen(difference)) : recovery(grant, after);
        boolean revoked = decision.outcome() == ReviewOutcome.REVOKE;
        Map<String, Object> detail = detail(grant, supervisor, decision.reason());
        detail.put("outcome", decision.outcome().name());
        detail.put("previousAmountFen", before.fen());
        detail.put("amountFen", after.fen());
        detail.put("differenceFen", difference);
        put(detail, order);
        if (revoked && grant.awaitingApproval().fen() > 0) {
            detail.put("awaitingApprovalDroppedFen", grant.awaitingApproval().fen());
        }
        return new GrantChange(grant, revoked ? GrantStatus.REVOKED : GrantStatus.CONFIRMED, after,
                revoked ? Money.ofFen(0) : grant.awaitingApproval(), entry, order, REVIEWED, detail, supervisor, at);
    }

    public static GrantChange approval(GrantUnderReview grant, ApprovalDecision decision, String supervisor, Instant at) {
        if (!APPROVABLE.contains(grant.status())) {
            throw new ReviewConflictException("The part above the cap is decided while the grant is payable and not revoked; this one is "
                    + grant.status() + ".");
        }
        Money awaiting = grant.awaitingApproval();
        if (awaiting.fen() == 0) {
            throw new ReviewConflictException("Nothing of this grant awaits approval.");
        }
        Map<String, Object> detail = detail(grant, supervisor, decision.reason());
        if (!decision.approve()) {
            detail.put("refusedFen", awaiting.fen());
            return new GrantChange(grant, grant.status(), grant.amount(), Money.ofFen(0), null, null,
                    APPROVAL_REFUSED, detail, supervisor, at);
        }
        Money after = Money.ofFen(Math.addExact(grant.amount().fen(), awaiting.fen()));
        PaymentOrder order = PaymentOrder.payment(awaiting);
        detail.put("approvedFen", awaiting.fen());
        detail.put("previousAmountFen", grant.amount().fen());
        detail.put("amountFen", after.fen());
        put(detail, order);
        return new GrantChange(grant, grant.status(), after, Money.ofFen(0),
                entry(grant, EntryKind.ADJUSTMENT, awaiting.fen(), supervisor, at), order, APPROVED, detail, supervisor, at);
    }

    /** What to recover when the entitlement falls to {@code after}: only money paid or being paid above it. */
    static @Nullable PaymentOrder recovery(GrantUnderReview grant, Money after) {
        long reduction = grant.amount().fen() - after.fen();
        long above = Math.max(0, grant.paidOrBeingPaid().fen() - after.fen());
        long recover = Math.min(reduction, above);
        return recover > 0 ? PaymentOrder.recovery(Money.ofFen(recover)) : null;
    }

    private static LedgerEntry entry(GrantUnderReview grant, EntryKind kind, long fen, String supervisor, Instant at) {
        return new LedgerEntry(kind, grant.countyCode(), grant.id(), fen, at, supervisor);
    }

    private static Map<String, Object> detail(GrantUnderReview grant, String supervisor, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("grant", grant.id().toString());
        detail.put("reason", reason);
        detail.put("supervisor", supervisor);
        return detail;
    }

    private static void put(Map<String, Object> detail, @Nullable PaymentOrder order) {
        if (order != null) {
            detail.put(order.kind() == EntryKind.PAYMENT ? "paymentFen" : "recoveryFen", order.amount().fen());
            detail.put("instruction", order.id().toString());
        }
    }
}
