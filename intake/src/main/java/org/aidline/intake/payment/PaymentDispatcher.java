package org.aidline.intake.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.aidline.intake.audit.AuditContext;
import org.aidline.intake.report.ReportEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.retry.Retry;

/**
 * Sends due payment instructions to the gateway and records what came of each. Exactly once
 * rests on three things: a claim under a lease (no two dispatchers send the same instruction at
 * once), the gateway's refusal of a reference it already has (a resend after a crash is asked
 * about instead of paid again), and a PAID update guarded by status (paid and ledgered once).
 */
public class PaymentDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PaymentDispatcher.class);

    private final PaymentInstructions instructions;
    private final PaymentGateway gateway;
    private final Treasury treasury;
    private final DispatchSettings settings;
    private final Clock clock;
    private final DoubleSupplier random;

    public PaymentDispatcher(PaymentInstructions instructions, PaymentGateway gateway, Treasury treasury,
            DispatchSettings settings, Clock clock, DoubleSupplier random) {
        this.instructions = instructions;
        this.gateway = gateway;
        this.treasury = treasury;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Dispatches everything due now, batch after batch, and emits how many instructions were handled. */
    public Mono<Integer> dispatchDue() {
        return batch()
                .expand(handled -> handled == settings.batchSize() ? batch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> batch() {
        return instructions.claimDue(clock.instant(), settings.lease(), settings.batchSize())
                .collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed)
                        .flatMap(this::dispatch, settings.concurrency())
                        .then(Mono.just(claimed.size())));
    }

    /** One instruction: asked about if the gateway already has it, sent otherwise; never fails. */
    Mono<Void> dispatch(ClaimedInstruction claimed) {
        PaymentInstruction instruction = claimed.instruction();
        Mono<GatewayOutcome> outcome = claimed.atGateway()
                ? gateway.status(instruction.referenceId()).map(PaymentDispatcher::afterStatusQuery)
                : claimed.householdKey() == null
                ? Mono.just(GatewayOutcome.rejected("no household to pay: the identity is unknown"))
                : gateway.disburse(disbursement(claimed, claimed.householdKey()))
                        .flatMap(sent -> sent.kind() == GatewayOutcome.Kind.DUPLICATE
                                // It already has it (an earlier attempt whose answer we lost): ask how that went.
                                ? gateway.status(instruction.referenceId()).map(PaymentDispatcher::afterStatusQuery)
                                : Mono.just(sent));
        return outcome
                .flatMap(result -> record(claimed, result))
                // The system pays, and says so to the audit trail: else the trail would take the name the
                // ledger entry gives the system (its actor column), where every other background change says 'system'.
                .contextWrite(Context.of(AuditContext.class, AuditContext.SYSTEM))
                .onErrorResume(failure -> {
                    // The claim stays until its lease ends; then this instruction is taken again.
                    log.warn("Payment {} could not be recorded; it is retried after its lease", instruction.referenceId(), failure);
                    return Mono.empty();
                })
                .then();
    }

    private Disbursement disbursement(ClaimedInstruction claimed, byte[] householdKey) {
        PaymentInstruction instruction = claimed.instruction();
        return new Disbursement(instruction.referenceId(), treasury.payerFor(instruction.countyCode()),
                PayeeAddress.of(householdKey), instruction.amount(), instruction.kind());
    }

    /** A status query that finds the reference neither paid nor refused leaves it to be asked again. */
    private static GatewayOutcome afterStatusQuery(GatewayOutcome status) {
        return status.kind() == GatewayOutcome.Kind.DUPLICATE
                ? GatewayOutcome.transientFailure("the gateway refuses the reference but reports no status for it")
                : status;
    }

    private Mono<Boolean> record(ClaimedInstruction claimed, GatewayOutcome outcome) {
        Instant now = clock.instant();
        PaymentInstruction instruction = claimed.instruction();
        switch (outcome.kind()) {
            case PAID:
                return instructions.paid(instruction.referenceId(), now, ReportEvent.SYSTEM)
                        // Another event of the same report may take the next history number at the same instant.
                        .retryWhen(Retry.max(3).filter(PaymentDispatcher::isCollision));
            case ACCEPTED:
                return instructions.awaitResult(claimed, now.plus(settings.resultCheck()), now);
            case REJECTED:
                log.info("Payment {} refused by the gateway: {}", instruction.referenceId(), outcome.detail());
                return instructions.refused(claimed, outcome.detail(), now, ReportEvent.SYSTEM)
                        .retryWhen(Retry.max(3).filter(PaymentDispatcher::isCollision));
            default:
                int attempt = instruction.attempts() + 1;
                Duration wait = settings.backoff().delayBefore(attempt, random.getAsDouble());
                log.info("Payment {} attempt {} failed ({}); next in {}", instruction.referenceId(), attempt, outcome.detail(), wait);
                return instructions.retryLater(claimed, now.plus(wait), outcome.detail(), now);
        }
    }

    static boolean isCollision(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("report_event_pkey");
    }
}
