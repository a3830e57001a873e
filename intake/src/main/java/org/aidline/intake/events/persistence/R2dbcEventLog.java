package org.aidline.intake.events.persistence;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aidline.intake.events.CallBackRecorded;
import org.aidline.intake.events.EventLog;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.FlagOutcomeRecorded;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.events.ReportStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events in intake's {@code domain_event} table, consumed per subscriber. A bigserial position is
 * drawn before its transaction commits, so positions do not become visible in order. A subscriber
 * therefore takes every committed event it has not taken yet, at once, and remembers those above
 * its watermark ({@code event_consumed}); the watermark moves only over events of transactions
 * older than every transaction still running (below the snapshot's xmin), which can no longer be
 * joined by an event committed late. Nothing is skipped, nothing is taken twice, and nobody waits
 * for someone else's slow transaction.
 */
public class R2dbcEventLog implements EventLog {

    private static final Logger log = LoggerFactory.getLogger(R2dbcEventLog.class);

    /** The kinds this version knows, by the type name stored with them. */
    private static final Map<String, Class<? extends IntakeEvent>> KINDS = Map.of("ReportFiled", ReportFiled.class,
            "ReportStatusChanged", ReportStatusChanged.class, "CallBackRecorded", CallBackRecorded.class,
            "FlagOutcomeRecorded", FlagOutcomeRecorded.class);

    private static final String CLAIM = """
            select cast(last_tx as text) as last_tx, last_position from event_subscription
            where subscriber = :subscriber
            for update skip locked
            """;

    private static final String NEXT = """
            select e.position, cast(e.tx as text) as tx, e.type, e.payload::text as payload
            from domain_event e
            where (e.tx, e.position) > (cast(:lastTx as xid8), :lastPosition)
              and not exists (select 1 from event_consumed c where c.subscriber = :subscriber and c.position = e.position)
            order by e.tx, e.position
            limit :limit
            """;

    private static final String CONSUMED = """
            insert into event_consumed (subscriber, tx, position)
            select :subscriber, cast(t.tx as xid8), t.position
            from unnest(cast(:txs as text[]), cast(:positions as bigint[])) as t(tx, position)
            """;

    // The watermark moves to the last finished event before the first finished one not consumed
    // (one that committed after NEXT read), and what it passes is forgotten.
    private static final String ADVANCE = """
            with finished as (
                select e.tx, e.position,
                       exists (select 1 from event_consumed c where c.subscriber = :subscriber and c.position = e.position) as consumed
                from domain_event e
                where (e.tx, e.position) > (cast(:lastTx as xid8), :lastPosition)
                  and e.tx < pg_snapshot_xmin(pg_current_snapshot())),
            gap as (select tx, position from finished where not consumed order by tx, position limit 1),
            mark as (
                select f.tx, f.position from finished f
                where f.consumed and not exists (select 1 from gap where (f.tx, f.position) > (gap.tx, gap.position))
                order by f.tx desc, f.position desc limit 1),
            moved as (
                update event_subscription s set last_tx = mark.tx, last_position = mark.position, updated_at = now()
                from mark where s.subscriber = :subscriber
                returning mark.tx, mark.position),
            forgotten as (
                delete from event_consumed c using moved
                where c.subscriber = :subscriber and (c.tx, c.position) <= (moved.tx, moved.position)
                returning 1)
            select (select count(*) from moved) as moved, (select count(*) from forgotten) as forgotten
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
        Mono<Batch> consumption = database.sql(CLAIM)
                .bind("subscriber", subscriber.name())
                .map(row -> new Position(row.get("last_tx", String.class), row.get("last_position", Long.class)))
                .one()
                .flatMap(position -> next(subscriber.name(), position, limit).collectList().flatMap(events -> {
                    List<IntakeEvent> known = known(subscriber, events);
                    Mono<Void> delivered = events.isEmpty() ? Mono.empty() : subscriber.on(known)
                            .then(database.sql(CONSUMED)
                                    .bind("subscriber", subscriber.name())
                                    .bind("txs", events.stream().map(StoredEvent::tx).toArray(String[]::new))
                                    .bind("positions", events.stream().map(StoredEvent::position).toArray(Long[]::new))
                                    .then());
                    return delivered
                            .then(database.sql(ADVANCE)
                                    .bind("subscriber", subscriber.name())
                                    .bind("lastTx", position.tx())
                                    .bind("lastPosition", position.position())
                                    .then())
                            .thenReturn(new Batch(known, new Consumed(events.size(), events.size() == limit)));
                }))
                .defaultIfEmpty(new Batch(List.of(), new Consumed(0, false)));
        return transactions.transactional(consumption)
                .doOnNext(batch -> handOver(subscriber, batch.events()))
                .map(Batch::consumed);
    }

    /** Started, not waited for: the next batch does not queue behind what the subscriber does after a commit. */
    private static void handOver(EventSubscriber subscriber, List<IntakeEvent> committed) {
        if (committed.isEmpty()) {
            return;
        }
        subscriber.committed(committed).subscribe(null,
                failure -> log.warn("{} failed after consuming {} events; its own loop takes over", subscriber.name(), committed.size(),
                        failure));
    }

    private record Batch(List<IntakeEvent> events, Consumed consumed) {
    }

    private Flux<StoredEvent> next(String subscriber, Position after, int limit) {
        return database.sql(NEXT)
                .bind("subscriber", subscriber)
                .bind("lastTx", after.tx())
                .bind("lastPosition", after.position())
                .bind("limit", limit)
                .map(R2dbcEventLog::stored)
                .all();
    }

    /** The events of kinds this version knows; the others are passed over (a newer publisher's), and said so. */
    private List<IntakeEvent> known(EventSubscriber subscriber, List<StoredEvent> events) {
        List<IntakeEvent> known = new ArrayList<>(events.size());
        for (StoredEvent stored : events) {
            Optional<IntakeEvent> event = read(stored);
            if (event.isPresent()) {
                known.add(event.get());
            } else {
                log.warn("Event {} of unknown type {} skipped by {}", stored.position(), stored.type(), subscriber.name());
            }
        }
        return known;
    }

    private Optional<IntakeEvent> read(StoredEvent stored) {
        Class<? extends IntakeEvent> kind = KINDS.get(stored.type());
        return kind == null ? Optional.empty() : Optional.of(json.readValue(stored.payload(), kind));
    }

    private static StoredEvent stored(Readable row) {
        return new StoredEvent(row.get("position", Long.class), row.get("tx", String.class), row.get("type", String.class),
                row.get("payload", String.class));
    }

    private record Position(String tx, long position) {
    }

    private record StoredEvent(long position, String tx, String type, String payload) {
    }
}
