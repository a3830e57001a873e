package org.aidline.registry.disbursement;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Wakes this instance's loops at once when a run starts or a unit's batches are formed, instead of at the next poll. */
public class PayoutWakeups {

    private final Sinks.Many<Boolean> granting = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<Boolean> sending = Sinks.many().multicast().directBestEffort();

    public void runStarted() {
        granting.tryEmitNext(Boolean.TRUE);
    }

    public void batchesFormed() {
        sending.tryEmitNext(Boolean.TRUE);
    }

    public Flux<Boolean> granting() {
        return granting.asFlux();
    }

    public Flux<Boolean> sending() {
        return sending.asFlux();
    }
}
