package org.aidline.registry.disbursement.background;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aidline.intake.ledger.ProgrammePosting;
import org.aidline.intake.ledger.ProgrammePostings;
import org.aidline.registry.disbursement.Granted;
import org.aidline.registry.disbursement.Granter;
import org.aidline.registry.disbursement.PayoutSettings;
import org.aidline.registry.disbursement.PayoutSource;
import org.aidline.registry.disbursement.PayoutUnit;
import org.aidline.registry.disbursement.PayoutUnits;
import org.aidline.registry.disbursement.PayoutWakeups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Grants the runs' units, one county at a time: in one transaction the county's payouts (one
 * set-based statement), their ledger entry, their bank batches and the unit DONE. A crash anywhere
 * rolls all of it back and the unit is taken again after its lease; a second instance granting the
 * same county finds every person already paid by the unique indexes, and ledgers only what it made.
 */
public class UnitGranting {

    private static final Logger log = LoggerFactory.getLogger(UnitGranting.class);
    private static final String ACTOR = "system";

    private final PayoutUnits units;
    private final Map<PayoutSource, Granter> granters;
    private final ProgrammePostings ledger;
    private final TransactionalOperator transactions;
    private final PayoutWakeups wakeups;
    private final PayoutSettings settings;
    private final Clock clock;

    public UnitGranting(PayoutUnits units, List<Granter> granters, ProgrammePostings ledger, TransactionalOperator transactions,
            PayoutWakeups wakeups, PayoutSettings settings, Clock clock) {
        this.units = units;
        this.granters = granters.stream().collect(Collectors.toMap(Granter::source, Function.identity()));
        this.ledger = ledger;
        this.transactions = transactions;
        this.wakeups = wakeups;
        this.settings = settings;
        this.clock = clock;
    }

    /** Grants every due unit, one after another (each is one heavy statement), then completes finished runs. */
    public Mono<Integer> grantDue() {
        return grantOne()
                .expand(granted -> grantOne())
                .count()
                .flatMap(count -> completeFinished().thenReturn(count.intValue()));
    }

    /** Marks finished runs COMPLETED; the sender calls it too, since the bank's last answers finish a run. */
    public Mono<Long> completeFinished() {
        Instant now = clock.instant();
        return Flux.fromIterable(granters.values()).concatMap(granter -> granter.completeFinished(now)).reduce(0L, Long::sum);
    }

    private Mono<Boolean> grantOne() {
        return units.claim(clock.instant(), settings.lease()).flatMap(unit -> grant(unit)
                .onErrorResume(failure -> {
                    // Rolled back; the lease brings the unit back to any instance.
                    log.warn("Granting {} {} in county {} failed; it is taken again after its lease", unit.source(), unit.runId(),
                            unit.countyCode(), failure);
                    return Mono.just(false);
                }));
    }

    private Mono<Boolean> grant(PayoutUnit unit) {
        Granter granter = granters.get(unit.source());
        Instant now = clock.instant();
        Mono<Boolean> work = granter.grant(unit, now).flatMap(granted -> post(unit, granted, now)
                .then(units.formBatches(unit, settings.batchSize(), now))
                .then(units.finish(unit, granted, now))
                .flatMap(finished -> finished ? Mono.just(granted)
                        // Another instance holds it now: undo ours, it grants the county itself.
                        : Mono.error(new IllegalStateException("The claim on the unit was lost")))
                .doOnNext(done -> log.info("{} {} county {}: {} payments ({} fen), {} back-payments ({} fen)", unit.source(),
                        unit.runId(), unit.countyCode(), done.payments(), done.paymentsFen(), done.backPays(), done.backPaysFen())))
                .thenReturn(true);
        return transactions.transactional(work).doOnSuccess(done -> wakeups.batchesFormed());
    }

    private Mono<Void> post(PayoutUnit unit, Granted granted, Instant now) {
        if (granted.totalFen() == 0) {
            return Mono.empty();
        }
        return ledger.post(new ProgrammePosting(unit.source().ledgerKind(), unit.countyCode(), granted.totalFen(),
                unit.source().reference(unit.runId()), now, ACTOR));
    }
}
