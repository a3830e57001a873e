package org.aidline.notification.workorder.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.aidline.notification.task.TaskId;
import org.aidline.notification.workorder.Chase;
import org.aidline.notification.workorder.Extension;
import org.aidline.notification.workorder.ExtensionStatus;
import org.aidline.notification.workorder.SendBack;
import org.aidline.notification.workorder.SendBackReason;
import org.aidline.notification.workorder.WorkOrders;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chases, extensions and send-backs in PostgreSQL. Each change is one statement that also queues
 * the push or SMS (notify_of, migration V4) and the stream event it means for the people concerned.
 */
public class R2dbcWorkOrders implements WorkOrders {

    private static final String CHASE = """
            with task as (
                select id, assignee, county_code from coordinator_task where id = :id and status <> 'COMPLETED'),
            chased as (
                insert into task_chase (id, task_id, county_code, at, actor, automatic, note, assignee)
                select gen_random_uuid(), id, county_code, :at, :by, false, :note, assignee from task
                returning task_id, assignee),
            told as (
                select notify_of(task_id, assignee, :at, 'CHASE') as pushed from chased),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select task_id, assignee, 'CHASED', :at from chased
                returning seq)
            select (select count(*) from chased) as changed, (select count(*) from told) as told, (select count(*) from event) as events
            """;

    private static final String ASK = """
            insert into task_extension (id, task_id, county_code, working_days, reason, asked_by, asked_at, status)
            select :extension, t.id, t.county_code, :days, :reason, :by, :at, 'PENDING'
            from coordinator_task t where t.id = :id and t.status not in ('COMPLETED', 'SENT_BACK')
            on conflict do nothing
            returning *
            """;

    private static final String GRANT = """
            with extension as (
                update task_extension e
                set status = 'GRANTED', decided_by = :by, decided_at = :at, decision_note = :note,
                    handle_by_before = t.handle_by, handle_by_after = :handleBy
                from coordinator_task t
                where e.id = :extension and e.task_id = :id and e.status = 'PENDING' and t.id = e.task_id
                returning e.task_id, e.working_days),
            task as (
                update coordinator_task t
                set handle_by = :handleBy, handle_yellow_at = :handleYellowAt, extensions_granted = t.extensions_granted + 1,
                    extended_working_days = t.extended_working_days + extension.working_days, version = t.version + 1
                from extension where t.id = extension.task_id
                returning t.id, t.assignee),
            told as (
                select notify_of(id, assignee, :at, 'EXTENSION_DECIDED') as pushed from task),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select id, assignee, 'EXTENSION_GRANTED', :at from task
                returning seq)
            select (select count(*) from task) as changed, (select count(*) from told) as told, (select count(*) from event) as events
            """;

    private static final String REFUSE = """
            with extension as (
                update task_extension e
                set status = 'REFUSED', decided_by = :by, decided_at = :at, decision_note = :note
                where e.id = :extension and e.task_id = :id and e.status = 'PENDING'
                returning e.task_id),
            task as (
                select t.id, t.assignee from coordinator_task t join extension on t.id = extension.task_id),
            told as (
                select notify_of(id, assignee, :at, 'EXTENSION_DECIDED') as pushed from task),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select id, assignee, 'EXTENSION_REFUSED', :at from task
                returning seq)
            select (select count(*) from extension) as changed, (select count(*) from told) as told, (select count(*) from event) as events
            """;

    // To the county supervisor (rank 3), out of the escalation ladder (only ASSIGNED tasks escalate);
    // what was still queued for the one who sent it back is not sent.
    private static final String SEND_BACK = """
            with task as (
                update coordinator_task t
                set status = 'SENT_BACK', assignee = 'sup-' || t.county_code, assignee_rank = 3, sent_back = t.sent_back + 1,
                    sms_fallback_at = null, assigned_at = :at, acknowledge_by = :at + t.acknowledgement_sla, version = t.version + 1
                where t.id = :id and t.version = :version and t.assignee = :by and t.status in ('ASSIGNED', 'ACKNOWLEDGED', 'VISITED')
                returning t.id, t.assignee, t.county_code, t.sent_back),
            cancelled as (
                update notification n set status = 'CANCELLED', claim = null
                from task where n.task_id = task.id and n.recipient = :by and n.status in ('QUEUED', 'ERRORED')
                returning n.id),
            recorded as (
                insert into task_send_back (task_id, number, county_code, at, actor, reason, note)
                select id, sent_back, county_code, :at, :by, :reason, :note from task
                returning task_id),
            told as (
                select notify_of(id, assignee, :at, 'ASSIGNED') as pushed from task),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select id, assignee, 'SENT_BACK', :at from task
                union all
                select id, :by, 'REASSIGNED', :at from task
                returning seq)
            select (select count(*) from task) as changed, (select count(*) from cancelled) as cancelled,
                   (select count(*) from recorded) as recorded, (select count(*) from told) as told, (select count(*) from event) as events
            """;

    // Assigned afresh: its acknowledgement clock restarts, the sign-for limit is the caller's, the
    // escalation ladder starts again from the new assignee's rank (1 when not on the chain).
    private static final String REASSIGN = """
            with previous as (
                select id, assignee from coordinator_task where id = :id and status <> 'COMPLETED' for update),
            task as (
                update coordinator_task t
                set status = 'ASSIGNED', assignee = :to,
                    assignee_rank = coalesce((select c.rank from coordinator_chain(t.village_code) c where c.user_id = :to), 1),
                    assigned_at = :at, acknowledge_by = :at + t.acknowledgement_sla, sms_fallback_at = null,
                    acknowledged_at = null, acknowledged_by = null, sign_for_by = :signForBy, sign_for_yellow_at = :signForYellowAt,
                    escalation_exhausted = false, version = t.version + 1
                from previous where t.id = previous.id
                returning t.id, t.assignee),
            cancelled as (
                update notification n set status = 'CANCELLED', claim = null
                from previous where n.task_id = previous.id and n.recipient = previous.assignee and n.recipient <> :to
                                and n.status in ('QUEUED', 'ERRORED')
                returning n.id),
            answered as (
                update task_send_back s set reassigned_to = :to, reassigned_by = :by, reassigned_at = :at
                from task where s.task_id = task.id and s.reassigned_at is null
                returning s.task_id),
            told as (
                select notify_of_task(id, assignee, :at) as pushed from task),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select previous.id, previous.assignee, 'REASSIGNED', :at from previous where previous.assignee <> :to
                returning seq)
            select (select count(*) from task) as changed, (select count(*) from cancelled) as cancelled,
                   (select count(*) from answered) as answered, (select count(*) from told) as told, (select count(*) from event) as events
            """;

    private static final String CLOSE_AS_DUPLICATE = """
            with task as (
                update coordinator_task
                set status = 'COMPLETED', completed_at = :at, completion_note = :note, closed_as_duplicate = true,
                    acknowledged_at = coalesce(acknowledged_at, cast(:at as timestamptz)), acknowledged_by = coalesce(acknowledged_by, :by),
                    version = version + 1
                where id = :id and status = 'SENT_BACK'
                returning id, assignee),
            answered as (
                update task_send_back s set reassigned_by = :by, reassigned_at = :at
                from task where s.task_id = task.id and s.reassigned_at is null
                returning s.task_id),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select id, assignee, 'COMPLETED', :at from task
                returning seq)
            select (select count(*) from task) as changed, (select count(*) from answered) as answered, (select count(*) from event) as events
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcWorkOrders(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Mono<Boolean> chase(TaskId task, String by, String note, Instant at) {
        return changed(database.sql(CHASE).bind("id", task.value()).bind("by", by).bind("note", note).bind("at", utc(at)));
    }

    @Override
    public Flux<Chase> chases(TaskId task) {
        return database.sql("select * from task_chase where task_id = :id order by at, id").bind("id", task.value())
                .map(row -> new Chase(0, instant(row, "at"), row.get("actor", String.class), Boolean.TRUE.equals(row.get("automatic", Boolean.class)),
                        row.get("missed", String.class), nullableInstant(row, "deadline"), row.get("note", String.class),
                        row.get("assignee", String.class)))
                .all()
                .index((number, chase) -> new Chase(number.intValue() + 1, chase.at(), chase.actor(), chase.automatic(), chase.missed(),
                        chase.deadline(), chase.note(), chase.assignee()));
    }

    @Override
    public Mono<Extension> ask(TaskId task, int workingDays, String reason, String by, Instant at) {
        return database.sql(ASK).bind("extension", UUID.randomUUID()).bind("id", task.value()).bind("days", workingDays)
                .bind("reason", reason).bind("by", by).bind("at", utc(at))
                .map(R2dbcWorkOrders::extension).one()
                .as(transactions::transactional);
    }

    @Override
    public Mono<Extension> extension(TaskId task, UUID id) {
        return database.sql("select * from task_extension where id = :extension and task_id = :id")
                .bind("extension", id).bind("id", task.value())
                .map(R2dbcWorkOrders::extension).one();
    }

    @Override
    public Flux<Extension> extensions(TaskId task) {
        return database.sql("select * from task_extension where task_id = :id order by asked_at, id").bind("id", task.value())
                .map(R2dbcWorkOrders::extension).all();
    }

    @Override
    public Mono<Boolean> grant(TaskId task, UUID id, String by, @Nullable String note, Instant at, Instant handleBy, Instant handleYellowAt) {
        GenericExecuteSpec spec = database.sql(GRANT).bind("id", task.value()).bind("extension", id).bind("by", by).bind("at", utc(at))
                .bind("handleBy", utc(handleBy)).bind("handleYellowAt", utc(handleYellowAt));
        return changed(note == null ? spec.bindNull("note", String.class) : spec.bind("note", note));
    }

    @Override
    public Mono<Boolean> refuse(TaskId task, UUID id, String by, String note, Instant at) {
        return changed(database.sql(REFUSE).bind("id", task.value()).bind("extension", id).bind("by", by).bind("at", utc(at))
                .bind("note", note));
    }

    @Override
    public Mono<Boolean> sendBack(TaskId task, int version, String by, SendBackReason reason, @Nullable String note, Instant at) {
        GenericExecuteSpec spec = database.sql(SEND_BACK).bind("id", task.value()).bind("version", version).bind("by", by)
                .bind("reason", reason.name()).bind("at", utc(at));
        return changed(note == null ? spec.bindNull("note", String.class) : spec.bind("note", note));
    }

    @Override
    public Mono<List<SendBack>> sendBacks(TaskId task) {
        return database.sql("select * from task_send_back where task_id = :id order by number").bind("id", task.value())
                .map(row -> new SendBack(row.get("number", Integer.class), instant(row, "at"), row.get("actor", String.class),
                        SendBackReason.valueOf(row.get("reason", String.class)), row.get("note", String.class),
                        row.get("reassigned_to", String.class), row.get("reassigned_by", String.class), nullableInstant(row, "reassigned_at")))
                .all()
                .collectList();
    }

    @Override
    public Mono<Boolean> worksInCountyOf(String user, String villageCode) {
        return database.sql("""
                        select exists (select 1 from staff_directory s
                                       where s.user_id = :user and s.role in ('COORDINATOR', 'SUPERVISOR')
                                         and left(s.region_code, 6) = left(:village, 6)) as works""")
                .bind("user", user).bind("village", villageCode)
                .map(row -> Boolean.TRUE.equals(row.get("works", Boolean.class))).one();
    }

    @Override
    public Mono<Boolean> reassign(TaskId task, String to, String by, Instant at, Instant signForBy, Instant signForYellowAt) {
        return changed(database.sql(REASSIGN).bind("id", task.value()).bind("to", to).bind("by", by).bind("at", utc(at))
                .bind("signForBy", utc(signForBy)).bind("signForYellowAt", utc(signForYellowAt)));
    }

    @Override
    public Mono<Boolean> closeAsDuplicate(TaskId task, String by, @Nullable String note, Instant at) {
        GenericExecuteSpec spec = database.sql(CLOSE_AS_DUPLICATE).bind("id", task.value()).bind("by", by).bind("at", utc(at));
        return changed(note == null ? spec.bindNull("note", String.class) : spec.bind("note", note));
    }

    private Mono<Boolean> changed(GenericExecuteSpec spec) {
        return spec.map(row -> row.get("changed", Long.class)).one()
                .as(transactions::transactional)
                .map(changed -> changed != null && changed > 0);
    }

    private static Extension extension(Readable row) {
        return new Extension(row.get("id", UUID.class), row.get("task_id", UUID.class), row.get("working_days", Integer.class),
                row.get("reason", String.class), row.get("asked_by", String.class), instant(row, "asked_at"),
                ExtensionStatus.valueOf(row.get("status", String.class)), row.get("decided_by", String.class),
                nullableInstant(row, "decided_at"), row.get("decision_note", String.class), nullableInstant(row, "handle_by_before"),
                nullableInstant(row, "handle_by_after"));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
