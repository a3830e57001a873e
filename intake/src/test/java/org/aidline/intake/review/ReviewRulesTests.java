package org.aidline.intake.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.ledger.EntryKind;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReviewRulesTests {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    static GrantUnderReview grant(GrantStatus status, long amountFen, long awaitingFen, long paidFen) {
        return new GrantUnderReview(new GrantId(UUID.randomUUID()), new ReportId(UUID.randomUUID()), "K7M-Q4X-PA",
                new VillageCode("640104001001"), "640104", status, Money.ofFen(amountFen), Money.ofFen(awaitingFen),
                Money.ofFen(paidFen), null, new PolicyVersion("640000", 1), 3, NOW.minusSeconds(3600));
    }

    static ReviewDecision decision(ReviewOutcome outcome, Long fen) {
        return new ReviewDecision(outcome, fen == null ? null : Money.ofFen(fen), "checked the bills");
    }

    @Test
    void confirmChangesOnlyTheStatusAndBooksNothing() {
        GrantChange change = ReviewRules.review(grant(GrantStatus.DOCUMENTED, 240_000, 0, 240_000),
                decision(ReviewOutcome.CONFIRM, null), "sup-640104", NOW);
        assertThat(change.status()).isEqualTo(GrantStatus.CONFIRMED);
        assertThat(change.amount()).isEqualTo(Money.ofFen(240_000));
        assertThat(change.entitlement()).isNull();
        assertThat(change.order()).isNull();
        assertThat(change.eventType()).isEqualTo(ReviewRules.REVIEWED);
        assertThat(change.eventDetail()).containsEntry("outcome", "CONFIRM").containsEntry("reason", "checked the bills")
                .containsEntry("supervisor", "sup-640104");
    }

    @Test
    void adjustingUpBooksTheDifferenceAndPaysIt() {
        GrantChange change = ReviewRules.review(grant(GrantStatus.AWAITING_DOCUMENTS, 240_000, 0, 240_000),
                decision(ReviewOutcome.ADJUST, 300_000L), "sup-640104", NOW);
        assertThat(change.status()).isEqualTo(GrantStatus.CONFIRMED);
        assertThat(change.entitlement().kind()).isEqualTo(EntryKind.ADJUSTMENT);
        assertThat(change.entitlement().amountFen()).isEqualTo(60_000);
        assertThat(change.order().kind()).isEqualTo(EntryKind.PAYMENT);
        assertThat(change.order().amount()).isEqualTo(Money.ofFen(60_000));
        assertThat(change.after().paidOrBeingPaid()).isEqualTo(Money.ofFen(300_000));
        assertThat(change.after().version()).isEqualTo(4);
    }

    @Test
    void adjustingDownBooksANegativeDifferenceAndRecoversWhatWasPaidAboveTheNewAmount() {
        GrantChange change = ReviewRules.review(grant(GrantStatus.OVERDUE, 240_000, 0, 240_000),
                decision(ReviewOutcome.ADJUST, 100_000L), "sup-640104", NOW);
        assertThat(change.entitlement().amountFen()).isEqualTo(-140_000);
        assertThat(change.order().kind()).isEqualTo(EntryKind.RECOVERY);
        assertThat(change.order().amount()).isEqualTo(Money.ofFen(140_000));
        assertThat(change.eventDetail()).containsEntry("differenceFen", -140_000L).containsEntry("recoveryFen", 140_000L);
    }

    @Test
    void adjustingDownRecoversNothingWhenThePaymentFailed() {
        GrantChange change = ReviewRules.review(grant(GrantStatus.DOCUMENTED, 240_000, 0, 0),
                decision(ReviewOutcome.ADJUST, 100_000L), "sup-640104", NOW);
        assertThat(change.entitlement().amountFen()).isEqualTo(-140_000);
        assertThat(change.order()).isNull();
    }

    @Test
    void adjustingDownRecoversOnlyWhatWasPaidAboveTheNewAmount() {
        // 240,000 granted, 150,000 of it paid (a second payment failed): at 100,000 only 50,000 was paid too much.
        GrantChange change = ReviewRules.review(grant(GrantStatus.DOCUMENTED, 240_000, 0, 150_000),
                decision(ReviewOutcome.ADJUST, 100_000L), "sup-640104", NOW);
        assertThat(change.order().amount()).isEqualTo(Money.ofFen(50_000));
        assertThat(change.after().paidOrBeingPaid()).isEqualTo(Money.ofFen(100_000));
    }

    @Test
    void adjustingToTheSameAmountBooksNothing() {
        GrantChange change = ReviewRules.review(grant(GrantStatus.DOCUMENTED, 240_000, 0, 240_000),
                decision(ReviewOutcome.ADJUST, 240_000L), "sup-640104", NOW);
        assertThat(change.status()).isEqualTo(GrantStatus.CONFIRMED);
        assertThat(change.entitlement()).isNull();
        assertThat(change.order()).isNull();
    }

    @Test
    void revokingBooksTheWholeAmountBackRecoversWhatWasPaidAndDropsWhatAwaitedApproval() {
        GrantChange change = ReviewRules.review(grant(GrantStatus.OVERDUE, 240_000, 60_050, 240_000),
                decision(ReviewOutcome.REVOKE, null), "sup-640104", NOW);
        assertThat(change.status()).isEqualTo(GrantStatus.REVOKED);
        assertThat(change.amount()).isEqualTo(Money.ofFen(0));
        assertThat(change.awaitingApproval()).isEqualTo(Money.ofFen(0));
        assertThat(change.entitlement().kind()).isEqualTo(EntryKind.REVOCATION);
        assertThat(change.entitlement().amountFen()).isEqualTo(-240_000);
        assertThat(change.order().kind()).isEqualTo(EntryKind.RECOVERY);
        assertThat(change.order().amount()).isEqualTo(Money.ofFen(240_000));
        assertThat(change.eventDetail()).containsEntry("awaitingApprovalDroppedFen", 60_050L);
    }

    @Test
    void revokingAGrantWhosePaymentFailedRecoversNothing() {
        GrantChange change = ReviewRules.review(grant(GrantStatus.OVERDUE, 240_000, 0, 0), decision(ReviewOutcome.REVOKE, null), "sup", NOW);
        assertThat(change.entitlement().amountFen()).isEqualTo(-240_000);
        assertThat(change.order()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = GrantStatus.class, names = {"AWAITING_IDENTITY", "CONFIRMED", "REVOKED"})
    void aGrantIsNotReviewedOutsideItsReviewableStatuses(GrantStatus status) {
        assertThatThrownBy(() -> ReviewRules.review(grant(status, 240_000, 0, 240_000), decision(ReviewOutcome.CONFIRM, null), "sup", NOW))
                .isInstanceOf(ReviewConflictException.class)
                .hasMessageContaining(status.name());
    }

    @Test
    void approvalAddsWhatAwaitedToTheGrantBooksItAndPaysIt() {
        GrantChange change = ReviewRules.approval(grant(GrantStatus.CONFIRMED, 240_000, 60_050, 240_000),
                new ApprovalDecision(true, "invoice confirms"), "sup", NOW);
        assertThat(change.status()).isEqualTo(GrantStatus.CONFIRMED);
        assertThat(change.amount()).isEqualTo(Money.ofFen(300_050));
        assertThat(change.awaitingApproval()).isEqualTo(Money.ofFen(0));
        assertThat(change.entitlement().kind()).isEqualTo(EntryKind.ADJUSTMENT);
        assertThat(change.entitlement().amountFen()).isEqualTo(60_050);
        assertThat(change.order().kind()).isEqualTo(EntryKind.PAYMENT);
        assertThat(change.order().amount()).isEqualTo(Money.ofFen(60_050));
        assertThat(change.eventType()).isEqualTo(ReviewRules.APPROVED);
    }

    @Test
    void refusalDropsWhatAwaitedAndBooksNothing() {
        GrantChange change = ReviewRules.approval(grant(GrantStatus.AWAITING_DOCUMENTS, 240_000, 60_050, 240_000),
                new ApprovalDecision(false, "no invoice"), "sup", NOW);
        assertThat(change.amount()).isEqualTo(Money.ofFen(240_000));
        assertThat(change.awaitingApproval()).isEqualTo(Money.ofFen(0));
        assertThat(change.entitlement()).isNull();
        assertThat(change.order()).isNull();
        assertThat(change.eventType()).isEqualTo(ReviewRules.APPROVAL_REFUSED);
        assertThat(change.eventDetail()).containsEntry("refusedFen", 60_050L);
    }

    @Test
    void approvalNeedsSomethingAwaitingAndAPayableGrant() {
        assertThatThrownBy(() -> ReviewRules.approval(grant(GrantStatus.DOCUMENTED, 240_000, 0, 240_000), new ApprovalDecision(true, "x"), "sup", NOW))
                .isInstanceOf(ReviewConflictException.class);
        assertThatThrownBy(() -> ReviewRules.approval(grant(GrantStatus.AWAITING_IDENTITY, 240_000, 100, 0), new ApprovalDecision(true, "x"), "sup", NOW))
                .isInstanceOf(ReviewConflictException.class);
    }

    @Test
    void aDecisionAlwaysGivesItsReasonAndOnlyAnAdjustmentAnAmount() {
        assertThatThrownBy(() -> new ReviewDecision(ReviewOutcome.CONFIRM, null, "  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewDecision(ReviewOutcome.ADJUST, null, "why")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewDecision(ReviewOutcome.REVOKE, Money.ofFen(1), "why")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalDecision(true, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeOfTheAmountWithoutItsExactLedgerEntryCannotBeMade() {
        GrantUnderReview before = grant(GrantStatus.DOCUMENTED, 240_000, 0, 240_000);
        assertThatThrownBy(() -> new GrantChange(before, GrantStatus.CONFIRMED, Money.ofFen(1), Money.ofFen(0), null, null,
                ReviewRules.REVIEWED, java.util.Map.of(), "sup", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
