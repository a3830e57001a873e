package org.aidline.intake.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A subscriber whose lag is measured: from each event's moment to its hand-over, in the
 * consuming transaction. What a report waits for before notification opens its task.
 */
public class MeasuredSubscriber implements EventSubscriber {

    private final EventSubscriber subscriber;
    private final Timer lag;
    private final Clock clock;

    public MeasuredSubscriber(EventSubscriber subscriber, MeterRegistry meters, Clock clock) {
        this.subscriber = subscriber;
        this.clock = clock;
        this.lag = Timer.builder("aidline.events.lag")
                .description("From an intake event to its hand-over to a subscriber")
                .tag("subscriber", subscriber.name())
                .serviceLevelObjectives(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(meters);
    }

    @Override
    public String name() {
        return subscriber.name();
    }

    @Override
    public Mono<Void> on(IntakeEvent event) {
        return on(List.of(event));
    }

    @Override
    public Mono<Void> on(List<IntakeEvent> events) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            events.forEach(event -> lag.record(Duration.between(event.occurredAt(), now)));
            return subscriber.on(events);
        });
    }

    @Override
    public Mono<Void> committed(List<IntakeEvent> events) {
        return subscriber.committed(events);
    }
}
