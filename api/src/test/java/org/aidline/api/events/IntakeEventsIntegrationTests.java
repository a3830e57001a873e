package org.aidline.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidline.api.support.IntegrationTest;
import org.aidline.intake.events.EventDelivery;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.persistence.R2dbcEventLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Intake's events reach each subscriber exactly once: an event that an older transaction commits
 * late is not passed over (and later ones do not wait for it), and several consumers at once
 * (instances) never deliver one event twice.
 */
@IntegrationTest
class IntakeEventsIntegrationTests {

    // Rejected reports ask nothing of notification: its own subscriber skips these test events.
    private static final String INSERT_EVENTS = """
            insert into domain_event (id, type, report_id, occurred_at, payload)
            select e.id, 'ReportFiled', e.report, now(), jsonb_build_object(
                'id', e.id, 'reportId', e.report, 'reference', 'TEST-' || e.id, 'channel', 'APP', 'category', 'OTHER',
                'villageCode', '640104001001', 'countyCode', '640104', 'urgent', false, 'decision', 'REJECTED',
                'acknowledgeWithinSeconds', 14400, 'occurredAt', now())
            from (select gen_random_uuid() as id, gen_random_uuid() as report from generate_series(1, :count)) e
            returning id
            """;

    @Autowired
    R2dbcEventLog log;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connections;

    @Test
    void anEventCommittedLateByAnOlderTransactionIsNeitherPassedOverNorWaitedFor() {
        Recording subscriber = caughtUp();
        Connection older = Mono.from(connections.create()).block(Duration.ofSeconds(10));
        try {
            Mono.from(older.beginTransaction()).block(Duration.ofSeconds(10));
            UUID late = Flux.from(older.createStatement(INSERT_EVENTS.replace(":count", "1")).execute())
                    .flatMap(result -> result.map(row -> row.get("id", UUID.class)))
                    .blockFirst(Duration.ofSeconds(10));
            UUID early = insertEvents(1).get(0);

            deliver(subscriber);
            assertThat(subscriber.seen()).as("committed while an older transaction still runs").containsExactly(early);

            Mono.from(older.commitTransaction()).block(Duration.ofSeconds(10));
            deliver(subscriber);
            assertThat(subscriber.seen()).as("the older transaction's event, once it committed").containsExactly(early, late);
            deliver(subscriber);
            assertThat(subscriber.seen()).as("nothing twice").containsExactly(early, late);
        } finally {
            Mono.from(older.close()).block(Duration.ofSeconds(10));
        }
    }

    @Test
    void severalConsumersAtOnceDeliverEveryEventOnce() {
        Recording subscriber = caughtUp();
        List<UUID> published = insertEvents(250);

        // Four consumers (as four instances would) race for the subscription, batch after batch.
        Flux.range(0, 4)
                .flatMap(consumer -> delivery().deliverDue(subscriber).subscribeOn(Schedulers.parallel()))
                .then()
                .block(Duration.ofSeconds(30));
        deliver(subscriber);

        assertThat(subscriber.seen()).doesNotHaveDuplicates().containsSubsequence(published);
    }

    @Test
    void aSubscriberIsHandedWhatItConsumedOnlyOnceThatCommitted() {
        Recording subscriber = caughtUp();
        List<UUID> published = insertEvents(3);

        subscriber.failures().set(1);
        assertThatThrownBy(() -> deliver(subscriber)).hasMessageContaining("refused");
        assertThat(subscriber.handedOver()).as("rolled back: nothing to act on").isEmpty();

        deliver(subscriber);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(subscriber.handedOver()).containsExactlyElementsOf(published));
        deliver(subscriber);
        assertThat(subscriber.handedOver()).as("nothing twice").containsExactlyElementsOf(published);
    }

    private Recording caughtUp() {
        Recording subscriber = new Recording("test-" + UUID.randomUUID());
        log.register(subscriber.name()).block(Duration.ofSeconds(10));
        deliver(subscriber);
        subscriber.seen().clear();
        subscriber.handedOver().clear();
        return subscriber;
    }

    private void deliver(Recording subscriber) {
        delivery().deliverDue(subscriber).block(Duration.ofSeconds(30));
    }

    private EventDelivery delivery() {
        return new EventDelivery(log, 100);
    }

    private List<UUID> insertEvents(int count) {
        return database.sql(INSERT_EVENTS).bind("count", count).map(row -> row.get("id", UUID.class)).all()
                .collectList().block(Duration.ofSeconds(10));
    }

    /** Records what it is given, in order; several consumers may call it at once. Refuses as many events as {@code failures} says. */
    private record Recording(String name, List<UUID> seen, List<UUID> handedOver, AtomicInteger failures) implements EventSubscriber {

        Recording(String name) {
            this(name, Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()), new AtomicInteger());
        }

        @Override
        public Mono<Void> on(IntakeEvent event) {
            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return Mono.error(new IllegalStateException("refused " + event.id()));
            }
            return Mono.fromRunnable(() -> seen.add(event.id()));
        }

        @Override
        public Mono<Void> committed(List<IntakeEvent> events) {
            return Mono.fromRunnable(() -> events.forEach(event -> handedOver.add(event.id())));
        }
    }
}
