package org.aidline.intake.events;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A module that consumes intake's events. Each event reaches it once: {@link #on} runs inside the
 * transaction that also advances the subscriber's position, so its writes commit with the
 * consumption or not at all.
 */
public interface EventSubscriber {

    /** Stable name: the subscriber's position is kept under it. */
    String name();

    Mono<Void> on(IntakeEvent event);

    /** A batch of events in their order, in one transaction; a subscriber may take them in fewer round trips. */
    default Mono<Void> on(List<IntakeEvent> events) {
        return Flux.fromIterable(events).concatMap(this::on).then();
    }

    /**
     * Once the transaction that consumed {@code events} has committed: where a subscriber's writes
     * start work that should not wait for its own loop's next wake-up (a push to send now). Not
     * waited for; whatever it fails to do, the subscriber's loop finds as it would have anyway.
     */
    default Mono<Void> committed(List<IntakeEvent> events) {
        return Mono.empty();
    }
}
