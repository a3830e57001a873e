package org.aidline.notification.stream.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.aidline.notification.stream.TaskEvent;
import org.aidline.notification.stream.TaskEvents;
import org.aidline.notification.task.persistence.R2dbcCoordinatorTasks;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Task events joined with the task as it stands now. */
public class R2dbcTaskEvents implements TaskEvents {

    private static final String AFTER = """
            select e.seq, e.type, e.at as event_at, %s
            from task_event e
            join coordinator_task t on t.id = e.task_id
            where e.recipient = :recipient and e.seq > :after
            order by e.seq
            limit :limit
            """.formatted(R2dbcCoordinatorTasks.COLUMNS);

    private final DatabaseClient database;

    private final Clock clock;

    public R2dbcTaskEvents(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Flux<TaskEvent> after(String recipient, long afterSeq, int limit) {
        return database.sql(AFTER)
                .bind("recipient", recipient)
                .bind("after", afterSeq)
                .bind("limit", limit)
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .map(row -> new TaskEvent(row.get("seq", Long.class), row.get("type", String.class),
                        row.get("event_at", OffsetDateTime.class).toInstant(), R2dbcCoordinatorTasks.task(row)))
                .all();
    }

    @Override
    public Mono<Long> latest() {
        return database.sql("select coalesce(max(seq), 0) as latest from task_event")
                .map(row -> row.get("latest", Long.class))
                .one();
    }
}
