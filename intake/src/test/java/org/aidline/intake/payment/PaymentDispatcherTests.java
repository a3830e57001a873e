package org.aidline.intake.payment;

import org.aidline.intake.background.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** What the dispatcher does with each outcome of the gateway, against a scripted gateway and recorded writes. */
class PaymentDispatcherTests {

    static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

    final Recorder instructions = new Recorder();
    final ScriptedGateway gateway = new ScriptedGateway();
    final PaymentDispatcher dispatcher = new PaymentDispatcher(instructions, gateway,
            new Treasury(java.util.Map.of(), "treasury-{county}@aidline"),
            new DispatchSettings(2, 4, Duration.ofSeconds(30), Duration.ofMinutes(5), new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10))),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.0);

    @Test
    void aPaidAnswerMarksThePaymentPaid() {
        gateway.disburse.add(GatewayOutcome.paid());
        dispatch(claimed(PaymentStatus.PENDING, 0, new byte[32]));
        assertThat(instructions.writes).containsExactly("paid ref-1");
        assertThat(gateway.sent.get(0)).extracting(Disbursement::payerAddress, Disbursement::amount)
                .containsExactly("treasury-640104@aidline", Money.ofFen(240000));
    }

    @Test
    void aDuplicateRefusalIsAskedAboutAndPaidIfTheGatewayPaidIt() {
        gateway.disburse.add(GatewayOutcome.duplicate());
        gateway.status.add(GatewayOutcome.paid());
        dispatch(claimed(PaymentStatus.PENDING, 1, new byte[32]));
        assertThat(gateway.asked).containsExactly("ref-1");
        assertThat(instructions.writes).containsExactly("paid ref-1");
    }

    @Test
    void aDuplicateWithoutAKnownStatusIsTriedAgainLater() {
        gateway.disburse.add(GatewayOutcome.duplicate());
        gateway.status.add(GatewayOutcome.duplicate());
        dispatch(claimed(PaymentStatus.PENDING, 0, new byte[32]));
        assertThat(instructions.writes).hasSize(1).first().asString().startsWith("retry ref-1");
    }

    @Test
    void aTransientFailureComesBackAfterTheBackoffOfTheNextAttempt() {
        gateway.disburse.add(GatewayOutcome.transientFailure("HTTP 503"));
        dispatch(claimed(PaymentStatus.PENDING, 2, new byte[32]));
        // Third attempt: 2 s doubled twice, half of it waived by the (zero) jitter draw.
        assertThat(instructions.writes).containsExactly("retry ref-1 at " + NOW.plusSeconds(4) + " (HTTP 503)");
    }

    @Test
    void aBusinessRefusalFailsThePaymentForTheSupervisor() {
        gateway.disburse.add(GatewayOutcome.rejected("rjct.payee_fa.invalid"));
        dispatch(claimed(PaymentStatus.PENDING, 0, new byte[32]));
        assertThat(instructions.writes).containsExactly("refused ref-1 (rjct.payee_fa.invalid)");
    }

    @Test
    void anAcceptedDisbursementWaitsForItsResult() {
        gateway.disburse.add(GatewayOutcome.accepted("PDNG"));
        dispatch(claimed(PaymentStatus.PENDING, 0, new byte[32]));
        assertThat(instructions.writes).containsExactly("await ref-1 until " + NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void oneTheGatewayAlreadyHasIsAskedAboutAndNeverSentAgain() {
        gateway.status.add(GatewayOutcome.paid());
        dispatch(claimed(PaymentStatus.SENT, 0, new byte[32]));
        assertThat(gateway.sent).isEmpty();
        assertThat(instructions.writes).containsExactly("paid ref-1");
    }

    @Test
    void withoutAHouseholdNothingIsSentAndThePaymentFails() {
        dispatch(claimed(PaymentStatus.PENDING, 0, null));
        assertThat(gateway.sent).isEmpty();
        assertThat(instructions.writes).hasSize(1).first().asString().startsWith("refused ref-1");
    }

    @Test
    void fullBatchesAreFollowedByAnotherClaimUntilNothingIsDue() {
        for (int i = 0; i < 5; i++) {
            instructions.due.add(claimed(PaymentStatus.PENDING, 0, new byte[32]));
            gateway.disburse.add(GatewayOutcome.paid());
        }
        StepVerifier.create(dispatcher.dispatchDue()).expectNext(5).verifyComplete();
        assertThat(instructions.claims).isEqualTo(3);
    }

    void dispatch(ClaimedInstruction claimed) {
        StepVerifier.create(dispatcher.dispatch(claimed)).verifyComplete();
    }

    static ClaimedInstruction claimed(PaymentStatus from, int attempts, byte @Nullable [] householdKey) {
        PaymentInstruction instruction = new PaymentInstruction(new PaymentId(UUID.randomUUID()), "ref-1", GrantId.next(), ReportId.next(),
                new VillageCode("640104001001"), PaymentKind.PAYMENT, Money.ofFen(240000), PaymentStatus.SENDING, attempts, NOW,
                null, NOW, NOW);
        return new ClaimedInstruction(instruction, UUID.randomUUID(), from, householdKey);
    }

    static final class ScriptedGateway implements PaymentGateway {
        final Deque<GatewayOutcome> disburse = new ArrayDeque<>();
        final Deque<GatewayOutcome> status = new ArrayDeque<>();
        final List<Disbursement> sent = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public synchronized Mono<GatewayOutcome> disburse(Disbursement disbursement) {
            sent.add(disbursement);
            return Mono.just(disburse.pop());
        }

        @Override
        public synchronized Mono<GatewayOutcome> status(String referenceId) {
            asked.add(referenceId);
            return Mono.just(status.pop());
        }
    }

    static final class Recorder implements PaymentInstructions {
        final Deque<ClaimedInstruction> due = new ArrayDeque<>();
        final List<String> writes = new ArrayList<>();
        int claims;

        @Override
        public synchronized Flux<ClaimedInstruction> claimDue(Instant now, Duration lease, int limit) {
            claims++;
            List<ClaimedInstruction> batch = new ArrayList<>();
            while (batch.size() < limit && !due.isEmpty()) {
                batch.add(due.pop());
            }
            return Flux.fromIterable(batch);
        }

        @Override
        public synchronized Mono<Boolean> paid(String referenceId, Instant at, String actor) {
            writes.add("paid " + referenceId);
            return Mono.just(true);
        }

        @Override
        public synchronized Mono<Boolean> retryLater(ClaimedInstruction claimed, Instant nextAttemptAt, String error, Instant at) {
            writes.add("retry " + claimed.instruction().referenceId() + " at " + nextAttemptAt + " (" + error + ")");
            return Mono.just(true);
        }

        @Override
        public synchronized Mono<Boolean> awaitResult(ClaimedInstruction claimed, Instant checkAt, Instant at) {
            writes.add("await " + claimed.instruction().referenceId() + " until " + checkAt);
            return Mono.just(true);
        }

        @Override
        public synchronized Mono<Boolean> refused(ClaimedInstruction claimed, String error, Instant at, String actor) {
            writes.add("refused " + claimed.instruction().referenceId() + " (" + error + ")");
            return Mono.just(true);
        }

        @Override
        public Mono<Boolean> refused(String referenceId, String error, Instant at, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> requeue(PaymentId id, Instant at, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<PaymentInstruction> byId(PaymentId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<PaymentInstruction> withStatus(PaymentStatus status, RegionScope region, @Nullable PaymentCursor after, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
