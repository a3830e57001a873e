package org.aidline.intake.payment;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Wakes this instance's dispatcher when a payment instruction is committed here. */
public class PaymentWakeups implements PaymentsDue {

    // Best effort: a wake-up while nobody listens is dropped, and the poll makes up for it.
    private final Sinks.Many<Boolean> sink = Sinks.many().multicast().directBestEffort();
    private static final int MAX_ATTEMPTS = 100;

    @Override
    public void paymentsDue() {
        // Requests on several threads may wake at once: the loser of a race tries again a few times,
        // never indefinitely (this may run on an event loop); a wake-up given up is made up by the poll.
        for (int attempt = 0; attempt < MAX_ATTEMPTS && sink.tryEmitNext(Boolean.TRUE) == Sinks.EmitResult.FAIL_NON_SERIALIZED; attempt++) {
            Thread.onSpinWait();
        }
    }

    public Flux<Boolean> signals() {
        return sink.asFlux();
    }
}
