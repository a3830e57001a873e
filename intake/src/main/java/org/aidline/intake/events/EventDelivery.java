package org.aidline.intake.events;

import reactor.core.publisher.Mono;

/** One run of a subscriber's delivery: consumes batch after batch while batches come back full. */
public class EventDelivery {

    private final EventLog log;
    private final int batchSize;

    public EventDelivery(EventLog log, int batchSize) {
        this.log = log;
        this.batchSize = batchSize;
    }

    /** Emits how many events the subscriber consumed. */
    public Mono<Integer> deliverDue(EventSubscriber subscriber) {
        return deliver(subscriber, 0);
    }

    private Mono<Integer> deliver(EventSubscriber subscriber, int delivered) {
        return log.consume(subscriber, batchSize).flatMap(consumed -> consumed.more()
                ? deliver(subscriber, delivered + consumed.events())
                : Mono.just(delivered + consumed.events()));
    }
}
