package org.aidline.notification.task.persistence;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.aidline.notification.task.ChainLink;
import org.aidline.notification.task.CoordinatorTask;
import org.aidline.notification.task.CoordinatorTasks;
import org.aidline.notification.task.TaskCursor;
import org.aidline.notification.task.TaskEscalation;
import org.aidline.notification.task.TaskId;
import org.aidline.notification.task.TaskStatus;
import org.aidline.notification.task.Visit;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coordinator tasks in PostgreSQL. Each change also tells the stream (task_event) in the same statement,
 * in a transaction (the caller's, if any) that records who acted for the audit trail.
 */
public class R2dbcCoordinatorTasks implements CoordinatorTasks {

    public static final String SELECT = """
            select t.*, extract(epoch from t.acknowledgement_sla) as sla_seconds, t.report_reference as reference
            from coordinator_task t
            """;

    // Pushes already out are acknowledged with the task; what was still waiting to go is not sent at all.
    private static final String ACKNOWLEDGE = """
            with task as (
                update coordinator_task
                set status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by, sms_fallback_at = null,
                    version = version + 1
                where id = :id and status = 'ASSIGNED'
                returning id, assignee),
            told as (
                update notification n
                set status = case when n.status in ('SENT', 'DELIVERED') then 'ACKNOWLEDGED' else 'CANCELLED' end,
                    acknowledged_at = case when n.status in ('SENT', 'DELIVERED') then cast(:at as timestamptz) end,
                    claim = null
                from task where n.task_id = task.id and n.status in ('QUEUED', 'ERRORED', 'SENT', 'DELIVERED')
                returning n.id),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select id, assignee, 'ACKNOWLEDGED', :at from task
                returning seq)
            select (select count(*) from task) as changed, (select count(*) from told) as told, (select count(*) from event) as events
            """;

    private static final String VISIT = """
            with task as (
                update coordinator_task
                set status = 'VISITED', visited_at = :at, visit_latitude = :lat, visit_longitude = :lon, visit_note = :note,
                    acknowledged_at = coalesce(acknowledged_at, cast(:at as timestamptz)),
                    acknowledged_by = coalesce(acknowledged_by, :by), sms_fallback_at = null, version = version + 1
                where id = :id and status in ('ASSIGNED', 'ACKNOWLEDGED', 'VISITED')
                returning id, assignee),
            told as (
                update notification n set status = 'CANCELLED', claim = null
                from task where n.task_id = task.id and n.status in ('QUEUED', 'ERRORED')
                returning n.id),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select id, assignee, 'VISITED', :at from task
                returning seq)
            select (select count(*) from task) as changed, (select count(*) from told) as told, (select count(*) from event) as events
            """;

    private static final String COMPLETE = """
            with task as (
                update coordinator_task
                set status = 'COMPLETED', completed_at = :at, completion_note = :note, version = version + 1
                where id = :id and status in ('ACKNOWLEDGED', 'VISITED')
                returning id, assignee),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select id, assignee, 'COMPLETED', :at from task
                returning seq)
            select (select count(*) from task) as changed, (select count(*) from event) as events
            """;

    // The county supervisor holds each task until route_task gives it to the first reachable link.
    private static final String OPEN = """
            insert into coordinator_task (id, report_id, report_reference, category, village_code, county_code, urgent, status,
                                          assignee, assignee_rank, acknowledgement_sla, assigned_at, acknowledge_by, created_at)
            select t.id, t.report_id, t.reference, t.category, t.village, t.county, t.urgent, 'ASSIGNED',
                   'sup-' || t.county, 3, t.sla * interval '1 second', t.at, t.at, t.at
            from jsonb_to_recordset(cast(:tasks as jsonb))
                 as t(id uuid, report_id uuid, reference text, category text, village text, county text, urgent boolean, sla bigint,
                      at timestamptz)
            on conflict (report_id) do nothing
            returning id
            """;

    private static final String ROUTE = """
            select count(route_task(t.id, 0, t.created_at, 'filed')) as routed from coordinator_task t where t.id = any(:ids)
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcCoordinatorTasks(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Mono<Integer> open(List<ReportFiled> filed) {
        List<Map<String, Object>> tasks = filed.stream().<Map<String, Object>>map(report -> Map.of(
                "id", TaskId.next().value().toString(), "report_id", report.reportId().toString(), "reference", report.reference(),
                "category", report.category(), "village", report.villageCode(), "county", report.countyCode(),
                "urgent", report.urgent(), "sla", report.acknowledgeWithinSeconds(), "at", report.occurredAt().toString()))
                .toList();
        return database.sql(OPEN)
                .bind("tasks", JSON.writeValueAsString(tasks))
                .map(row -> row.get("id", UUID.class))
                .all()
                .collectList()
                .flatMap(opened -> opened.isEmpty() ? Mono.just(0) : database.sql(ROUTE)
                        .bind("ids", opened.toArray(UUID[]::new))
                        .map(row -> row.get("routed", Long.class))
                        .one()
                        .map(Long::intValue));
    }

    @Override
    public Mono<CoordinatorTask> byId(TaskId id) {
        return database.sql(SELECT + "where t.id = :id").bind("id", id.value()).map(R2dbcCoordinatorTasks::task).one();
    }

    @Override
    public Flux<CoordinatorTask> assignedTo(String user, @Nullable TaskStatus status, @Nullable TaskCursor after, int limit) {
        return page("t.assignee = :filter", user, status, after, limit);
    }

    @Override
    public Flux<CoordinatorTask> inRegion(RegionScope region, @Nullable TaskStatus status, @Nullable TaskCursor after, int limit) {
        return page("t.village_code like :filter", region.prefix() + "%", status, after, limit);
    }

    private Flux<CoordinatorTask> page(String condition, String filter, @Nullable TaskStatus status, @Nullable TaskCursor after,
            int limit) {
        String sql = SELECT + "where " + condition
                + (status == null ? "" : " and t.status = :status")
                + (after == null ? "" : " and (t.created_at, t.id) < (:afterAt, :afterId)")
                + " order by t.created_at desc, t.id desc limit :limit";
        GenericExecuteSpec spec = database.sql(sql).bind("filter", filter).bind("limit", limit);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        if (after != null) {
            spec = spec.bind("afterAt", utc(after.createdAt())).bind("afterId", after.id());
        }
        return spec.map(R2dbcCoordinatorTasks::task).all();
    }

    @Override
    public Mono<List<TaskEscalation>> escalations(TaskId id) {
        return database.sql("select * from task_escalation where task_id = :id order by number")
                .bind("id", id.value())
                .map(row -> {
                    Integer toRank = row.get("to_rank", Integer.class);
                    return new TaskEscalation(row.get("number", Integer.class), instant(row, "at"), row.get("from_user", String.class),
                            ChainLink.ofRank(row.get("from_rank", Integer.class)), row.get("to_user", String.class),
                            toRank == null ? null : ChainLink.ofRank(toRank), row.get("reason", String.class));
                })
                .all()
                .collectList();
    }

    @Override
    public Mono<Boolean> acknowledge(TaskId id, String by, Instant at) {
        return changed(database.sql(ACKNOWLEDGE).bind("id", id.value()).bind("by", by).bind("at", utc(at)));
    }

    @Override
    public Mono<Boolean> visit(TaskId id, String by, Visit visit) {
        GenericExecuteSpec spec = database.sql(VISIT).bind("id", id.value()).bind("by", by).bind("at", utc(visit.at()))
                .bind("lat", visit.latitude()).bind("lon", visit.longitude());
        spec = visit.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", visit.note());
        return changed(spec);
    }

    @Override
    public Mono<Boolean> complete(TaskId id, String by, @Nullable String note, Instant at) {
        GenericExecuteSpec spec = database.sql(COMPLETE).bind("id", id.value()).bind("at", utc(at));
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return changed(spec);
    }

    @Override
    public Mono<Long> tellReport(UUID report, String type, Instant at) {
        // Runs in the event consumer's transaction, which moves notification's position in intake's events with it.
        return database.sql("""
                        insert into task_event (task_id, recipient, type, at)
                        select id, assignee, :type, :at from coordinator_task where report_id = :report""")
                .bind("report", report).bind("type", type).bind("at", utc(at))
                .fetch().rowsUpdated();
    }

    @Override
    public Flux<String> assigneesOf(UUID report) {
        return database.sql("select assignee from coordinator_task where report_id = :report").bind("report", report)
                .map(row -> row.get("assignee", String.class)).all();
    }

    private Mono<Boolean> changed(GenericExecuteSpec spec) {
        return spec.map(row -> row.get("changed", Long.class)).one()
                .as(transactions::transactional)
                .map(changed -> changed != null && changed > 0);
    }

    /** Maps a row of coordinator_task with its report's reference (and sla_seconds). */
    public static CoordinatorTask task(Readable row) {
        Instant visitedAt = nullableInstant(row, "visited_at");
        Visit visit = visitedAt == null ? null : new Visit(visitedAt, row.get("visit_latitude", Double.class),
                row.get("visit_longitude", Double.class), row.get("visit_note", String.class));
        Number slaSeconds = row.get("sla_seconds", Number.class);
        return new CoordinatorTask(
                new TaskId(row.get("id", UUID.class)),
                new ReportId(row.get("report_id", UUID.class)),
                row.get("reference", String.class),
                new VillageCode(row.get("village_code", String.class)),
                Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                TaskStatus.valueOf(row.get("status", String.class)),
                row.get("assignee", String.class),
                ChainLink.ofRank(row.get("assignee_rank", Integer.class)),
                Duration.ofMillis(Math.round(slaSeconds.doubleValue() * 1000)),
                instant(row, "assigned_at"),
                instant(row, "acknowledge_by"),
                row.get("escalations", Integer.class),
                Boolean.TRUE.equals(row.get("escalation_exhausted", Boolean.class)),
                nullableInstant(row, "acknowledged_at"),
                row.get("acknowledged_by", String.class),
                visit,
                nullableInstant(row, "completed_at"),
                row.get("completion_note", String.class),
                instant(row, "created_at"),
                row.get("version", Integer.class));
    }

    static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
