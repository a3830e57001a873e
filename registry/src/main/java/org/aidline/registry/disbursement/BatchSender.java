package org.aidline.registry.disbursement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.aidline.intake.money.Money;
import org.aidline.intake.payment.Disbursement;
import org.aidline.intake.payment.GatewayOutcome;
import org.aidline.intake.payment.PayeeAddress;
import org.aidline.intake.payment.PaymentGateway;
import org.aidline.intake.payment.PaymentKind;
import org.aidline.intake.payment.Treasury;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends due bank batches, each as one bulk disburse, and records how each transaction went. As
 * intake's payment dispatcher: a claim under a lease keeps two instances off the same batch, the
 * bank refuses a reference it already has (so a resend after a crash is asked about, not paid
 * again), and results are recorded under the claim.
 */
public class BatchSender {

    private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

    private final PayoutBatches batches;
    private final PaymentGateway gateway;
    private final Treasury treasury;
    private final PayoutSettings settings;
    private final Clock clock;
    private final DoubleSupplier random;

    public BatchSender(PayoutBatches batches, PaymentGateway gateway, Treasury treasury, PayoutSettings settings, Clock clock,
            DoubleSupplier random) {
        this.batches = batches;
        this.gateway = gateway;
        this.treasury = treasury;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Sends every batch due now, a few messages in flight at a time; emits how many batches were handled. */
    public Mono<Integer> sendDue() {
        return round().expand(handled -> handled == settings.concurrency() ? round() : Mono.empty()).reduce(0, Integer::sum);
    }

    private Mono<Integer> round() {
        return batches.claimDue(clock.instant(), settings.lease(), settings.concurrency())
                .flatMap(this::send, settings.concurrency())
                .count()
                .map(Long::intValue);
    }

    /** One batch: open payouts disbursed (or asked about, when the bank already accepted them); never fails. */
    Mono<Boolean> send(ClaimedBatch batch) {
        return batches.openItems(batch).collectList()
                .flatMap(items -> outcomes(batch, items).flatMap(results -> record(batch, results)))
                .onErrorResume(failure -> {
                    // The claim stays until its lease ends; then the batch is taken again and the bank asked.
                    log.warn("Bank batch {} could not be recorded; it is taken again after its lease", batch.id(), failure);
                    return Mono.just(false);
                });
    }

    private Mono<List<ItemResult>> outcomes(ClaimedBatch batch, List<PayoutItem> items) {
        List<PayoutItem> toSend = items.stream().filter(item -> !item.accepted()).toList();
        List<PayoutItem> accepted = items.stream().filter(PayoutItem::accepted).toList();
        String payer = treasury.payerFor(batch.countyCode());
        List<Disbursement> disbursements = toSend.stream()
                .map(item -> new Disbursement(item.reference(), payer, PayeeAddress.of(item.payeeKey()), Money.ofFen(item.amountFen()),
                        PaymentKind.PROGRAMME))
                .toList();
        return gateway.disburseAll(disbursements).flatMap(sent -> {
            Map<PayoutItem, GatewayOutcome> outcomes = new HashMap<>();
            List<PayoutItem> toAsk = new ArrayList<>(accepted);
            for (int i = 0; i < toSend.size(); i++) {
                GatewayOutcome outcome = sent.get(i);
                if (outcome.kind() == GatewayOutcome.Kind.DUPLICATE) {
                    // The bank has it already (an earlier send whose answer was lost): ask how that one went.
                    toAsk.add(toSend.get(i));
                } else {
                    outcomes.put(toSend.get(i), outcome);
                }
            }
            Mono<List<GatewayOutcome>> asked = toAsk.isEmpty() ? Mono.just(List.of())
                    : gateway.statusAll(toAsk.stream().map(PayoutItem::reference).toList());
            return asked.map(statuses -> {
                for (int i = 0; i < toAsk.size(); i++) {
                    GatewayOutcome status = statuses.get(i);
                    outcomes.put(toAsk.get(i), status.kind() == GatewayOutcome.Kind.DUPLICATE
                            ? GatewayOutcome.transientFailure("the bank refuses the reference but reports no status for it")
                            : status);
                }
                return items.stream().map(item -> result(item, outcomes.get(item))).toList();
            });
        });
    }

    private static ItemResult result(PayoutItem item, GatewayOutcome outcome) {
        switch (outcome.kind()) {
            case PAID:
                return new ItemResult(item.id(), "PAID", null);
            case ACCEPTED:
                return new ItemResult(item.id(), "SENT", null);
            case REJECTED:
                return new ItemResult(item.id(), "FAILED", outcome.detail());
            default:
                // Nothing known: as it was, to be sent (or asked about) again.
                return new ItemResult(item.id(), item.accepted() ? "SENT" : "PENDING", outcome.detail());
        }
    }

    private Mono<Boolean> record(ClaimedBatch batch, List<ItemResult> results) {
        Instant now = clock.instant();
        @Nullable String error = results.stream().filter(result -> !result.isFinal() && result.error() != null)
                .map(ItemResult::error).findFirst().orElse(null);
        Instant next;
        if (error != null) {
            Duration wait = settings.backoff().delayBefore(batch.attempts() + 1, random.getAsDouble());
            log.info("Bank batch {} ({} transactions) attempt {} left some open ({}); next in {}", batch.id(), results.size(),
                    batch.attempts() + 1, error, wait);
            next = now.plus(wait);
        } else {
            next = now.plus(settings.resultCheck());
        }
        return batches.record(batch, results, next, error, now);
    }
}
