package org.aidline.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aidline.intake.background.DatabaseWakeups;
import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.aidline.intake.events.EventDelivery;
import org.aidline.intake.events.EventLog;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.MeasuredSubscriber;
import org.aidline.intake.events.persistence.R2dbcEventLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires intake's published events: every {@link EventSubscriber} bean gets a delivery loop of its
 * own on this instance, woken by PostgreSQL when an event commits, with a poll as safety net.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

    @Bean
    R2dbcEventLog eventLog(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcEventLog(database, transactions, IntakeConfiguration.STORED_JSON);
    }

    @Bean
    SmartLifecycle eventDelivering(R2dbcEventLog log, ConnectionFactory connections, ObjectProvider<EventSubscriber> subscribers,
            EventsProperties properties, MeterRegistry meters, Clock clock) {
        List<EventSubscriber> all = subscribers.orderedStream()
                .<EventSubscriber>map(subscriber -> new MeasuredSubscriber(subscriber, meters, clock))
                .toList();
        if (!properties.enabled() || all.isEmpty()) {
            return new LoopLifecycle(null);
        }
        EventDelivery delivery = new EventDelivery(log, properties.batchSize());
        // One LISTEN connection for all subscribers; each runs on every wake-up, never two runs at once.
        Flux<Boolean> wakeups = new DatabaseWakeups(connections, EventLog.CHANNEL).signals();
        // Registration is idempotent; it is done again after a failure, never on every run.
        AtomicBoolean registered = new AtomicBoolean();
        Mono<Void> registration = Mono.defer(() -> registered.get() ? Mono.<Void>empty()
                : Flux.fromIterable(all).concatMap(subscriber -> log.register(subscriber.name()))
                        .then(Mono.fromRunnable(() -> registered.set(true))));
        return new LoopLifecycle(new DispatchLoop("Delivering intake events",
                () -> registration.then(Flux.fromIterable(all).concatMap(delivery::deliverDue).reduce(0, Integer::sum)),
                wakeups, properties.pollInterval()));
    }
}
