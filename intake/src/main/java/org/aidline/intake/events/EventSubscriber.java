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
}
