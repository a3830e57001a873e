package org.aidline.api.monitoring.web;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;

/**
 * Uploads take turns on an instance: {@code uploadsAtOnce} file their flags at a time and the next
 * ones wait, first come first served, with their bodies unread. Six uploads at once then finish one
 * after another, each in about its own time, instead of all of them at the end of the sum; and
 * their writes never crowd out the filings of people calling in. Beyond {@code uploadsWaiting}
 * waiting, an upload is refused with 503 (reactor-pool's pending limit, an outage to the client).
 */
@Component
class UploadTurns {

    private final InstrumentedPool<Turn> turns;

    UploadTurns(MonitoringProperties properties) {
        this.turns = PoolBuilder.from(Mono.fromSupplier(Turn::new))
                .sizeBetween(0, properties.uploadsAtOnce())
                .maxPendingAcquire(properties.uploadsWaiting())
                .buildPool();
    }

    /** The work, once it is this upload's turn; the turn passes on when the work ends, fails or is cancelled. */
    <T> Flux<T> inTurn(Supplier<Flux<T>> work) {
        return turns.withPoolable(turn -> work.get());
    }

    private static final class Turn {
    }
}
