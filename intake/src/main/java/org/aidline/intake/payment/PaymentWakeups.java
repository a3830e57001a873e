package org.aidline.intake.payment;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Wakes this instance's dispatcher when a payment instruction is committed here. */
public class PaymentWakeups implements PaymentsDue {

    // Best effort: a wake-up while nobody listens is dropped, and the poll makes up for it.
    private final Sinks.Many<Boolean> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public void paymentsDue() {
        // Requests on several threads may wake at once: the loser of a race tries again at once (the
        // winner's emission takes nanoseconds); any other result, delivered or dropped, is final.
        while (sink.tryEmitNext(Boolean.TRUE) == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
        }
    }

    public Flux<Boolean> signals() {
        return sink.asFlux();
    }
}
