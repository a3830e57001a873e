package org.aidline.intake.events.persistence;

import io.r2dbc.spi.Readable;
import java.util.Map;
import java.util.Optional;
import org.aidline.intake.events.EventLog;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportFiled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events in intake's {@code domain_event} table, consumed per subscriber in (transaction, position)
 * order. Only events of transactions older than every transaction still running are read: a
 * bigserial position is drawn before its transaction commits, so reading by position alone could
 * pass over an event that an older, slower transaction commits later.
 */
public class R2dbcEventLog implements EventLog {

    private static final Logger log = LoggerFactory.getLogger(R2dbcEventLog.class);

    /** The kinds this version knows, by the type name stored with them. */
    private static final Map<String, Class<? extends IntakeEvent>> KINDS = Map.of("ReportFiled", ReportFiled.class);

    private static final String CLAIM = """
            select cast(last_tx as text) as last_tx, last_position from event_subscription
            where subscriber = :subscriber
            for update skip locked
            """;

    private static final String NEXT = """
            select position, cast(tx as text) as tx, type, payload::text as payload,
                   tx >= pg_snapshot_xmin(pg_current_snapshot()) as unfinished
            from domain_event
            where (tx, position) > (cast(:lastTx as xid8), :lastPosition)
            order by tx, position
            limit :limit
            """;

    private static final String ADVANCE = """
            update event_subscription set last_tx = cast(:tx as xid8), last_position = :position, updated_at = now()
            where subscriber = :subscriber
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcEventLog(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        // A newer instance may publish fields this one does not know yet: they are not its business.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** Starts the subscriber at the first event if it has no position yet. */
    public Mono<Void> register(String subscriber) {
        return database.sql("insert into event_subscription (subscriber) values (:subscriber) on conflict do nothing")
                .bind("subscriber", subscriber)
                .then();
    }

    @Override
    public Mono<Consumed> consume(EventSubscriber subscriber, int limit) {
        Mono<Consumed> consumption = database.sql(CLAIM)
                .bind("subscriber", subscriber.name())
                .map(row -> new Position(row.get("last_tx", String.class), row.get("last_position", Long.class)))
                .one()
                .flatMap(position -> next(position, limit).collectList().flatMap(events -> {
                    // Past the first event of an unfinished transaction nothing may be consumed yet.
                    int ready = 0;
                    while (ready < events.size() && !events.get(ready).unfinished()) {
                        ready++;
                    }
                    boolean morePending = ready < events.size();
                    if (ready == 0) {
                        return Mono.just(new Consumed(0, morePending));
                    }
                    StoredEvent last = events.get(ready - 1);
                    return Flux.fromIterable(events.subList(0, ready))
                            .concatMap(event -> deliver(subscriber, event))
                            .then(database.sql(ADVANCE)
                                    .bind("tx", last.tx())
                                    .bind("position", last.position())
                                    .bind("subscriber", subscriber.name())
                                    .then())
                            .thenReturn(new Consumed(ready, morePending || ready == limit));
                }))
                .defaultIfEmpty(new Consumed(0, false));
        return transactions.transactional(consumption);
    }

    private Flux<StoredEvent> next(Position after, int limit) {
        return database.sql(NEXT)
                .bind("lastTx", after.tx())
                .bind("lastPosition", after.position())
                .bind("limit", limit)
                .map(R2dbcEventLog::stored)
                .all();
    }

    private Mono<Void> deliver(EventSubscriber subscriber, StoredEvent stored) {
        Optional<IntakeEvent> event = read(stored);
        if (event.isEmpty()) {
            log.warn("Event {} of unknown type {} skipped by {}", stored.position(), stored.type(), subscriber.name());
            return Mono.empty();
        }
        return subscriber.on(event.get());
    }

    private Optional<IntakeEvent> read(StoredEvent stored) {
        Class<? extends IntakeEvent> kind = KINDS.get(stored.type());
        return kind == null ? Optional.empty() : Optional.of(json.readValue(stored.payload(), kind));
    }

    private static StoredEvent stored(Readable row) {
        return new StoredEvent(row.get("position", Long.class), row.get("tx", String.class), row.get("type", String.class),
                row.get("payload", String.class), Boolean.TRUE.equals(row.get("unfinished", Boolean.class)));
    }

    private record Position(String tx, long position) {
    }

    private record StoredEvent(long position, String tx, String type, String payload, boolean unfinished) {
    }
}
