package org.aidline.intake.events;

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
}
