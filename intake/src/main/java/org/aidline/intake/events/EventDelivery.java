package org.aidline.intake.events;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * One run of a subscriber's delivery: consumes batch after batch until none is ready; when later
 * events wait only for an older transaction to finish, looks again shortly rather than at the
 * next poll, so that a report's coordinator is not kept waiting by someone else's slow write.
 */
public class EventDelivery {

    private final EventLog log;
    private final int batchSize;
    private final Duration pendingRecheck;
    private final int pendingRechecks;

    public EventDelivery(EventLog log, int batchSize, Duration pendingRecheck, int pendingRechecks) {
        this.log = log;
        this.batchSize = batchSize;
        this.pendingRecheck = pendingRecheck;
        this.pendingRechecks = pendingRechecks;
    }

    /** Emits how many events the subscriber consumed. */
    public Mono<Integer> deliverDue(EventSubscriber subscriber) {
        return deliver(subscriber, 0, 0);
    }

    private Mono<Integer> deliver(EventSubscriber subscriber, int delivered, int rechecks) {
        return log.consume(subscriber, batchSize).flatMap(consumed -> {
            int total = delivered + consumed.events();
            if (consumed.events() == batchSize) {
                return deliver(subscriber, total, rechecks);
            }
            if (consumed.morePending() && rechecks < pendingRechecks) {
                return Mono.delay(pendingRecheck).then(Mono.defer(() -> deliver(subscriber, total, rechecks + 1)));
            }
            return Mono.just(total);
        });
    }
}
