package org.aidline.intake.events;

import reactor.core.publisher.Mono;

/** Intake's events as a subscriber consumes them: the next ones after its position, once each. */
public interface EventLog {

    /** PostgreSQL channel notified when an event commits. */
    String CHANNEL = "aidline_intake_events";

    /**
     * Consumes up to {@code limit} events for the subscriber in one transaction; none (and no wait)
     * when another instance is consuming for it.
     */
    Mono<Consumed> consume(EventSubscriber subscriber, int limit);

    /** How many events were consumed, and whether more may be ready at once (the batch was full). */
    record Consumed(int events, boolean more) {
    }
}
