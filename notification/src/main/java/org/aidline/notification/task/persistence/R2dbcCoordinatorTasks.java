package org.aidline.notification.task.persistence;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import org.aidline.notification.task.Light;
import org.aidline.notification.task.TaskClock;
import org.aidline.notification.task.TaskCursor;
import org.aidline.notification.task.TaskEscalation;
import org.aidline.notification.task.TaskId;
import org.aidline.notification.task.TaskLimits;
import org.aidline.notification.task.TaskOrder;
import org.aidline.notification.task.TaskStatus;
import org.aidline.notification.task.TaskToOpen;
import org.aidline.notification.task.TaskToReopen;
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

    /** The columns {@link #task(Readable)} reads, of coordinator_task {@code t}; {@code :now} is the light's time. */
    public static final String COLUMNS = """
            t.*, extract(epoch from t.acknowledgement_sla) as sla_seconds, t.report_reference as reference, task_light(t, :now) as light
            """;

    private static final String SELECT = "select " + COLUMNS + " from coordinator_task t ";

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
                                          assignee, assignee_rank, acknowledgement_sla, assigned_at, acknowledge_by, created_at,
                                          round, sign_for_by, sign_for_yellow_at, handle_by, handle_yellow_at, sign_for_working_days,
                                          handling_working_days, yellow_percent, max_extensions, max_extension_working_days,
                                          send_back_working_days)
            select t.id, t.report_id, t.reference, t.category, t.village, t.county, t.urgent, 'ASSIGNED',
                   'sup-' || t.county, 3, t.sla * interval '1 second', t.at, t.at, t.at,
                   t.round, t.sign_for_by, t.sign_for_yellow_at, t.handle_by, t.handle_yellow_at, t.sign_for_working_days,
                   t.handling_working_days, t.yellow_percent, t.max_extensions, t.max_extension_working_days, t.send_back_working_days
            from jsonb_to_recordset(cast(:tasks as jsonb))
                 as t(id uuid, report_id uuid, reference text, category text, village text, county text, urgent boolean, sla bigint,
                      at timestamptz, round integer, sign_for_by timestamptz, sign_for_yellow_at timestamptz, handle_by timestamptz,
                      handle_yellow_at timestamptz, sign_for_working_days integer, handling_working_days integer, yellow_percent integer, max_extensions integer, max_extension_working_days integer,
                      send_back_working_days integer)
            on conflict (report_id, round) do nothing
            returning id
            """;

    // The previous round's row gives all but the clock; it was routed along the same chain, so is this one.
    private static final String REOPEN = """
            insert into coordinator_task (id, report_id, report_reference, category, village_code, county_code, urgent, status,
                                          assignee, assignee_rank, acknowledgement_sla, assigned_at, acknowledge_by, created_at,
                                          round, sign_for_by, sign_for_yellow_at, handle_by, handle_yellow_at, sign_for_working_days,
                                          handling_working_days, yellow_percent, max_extensions, max_extension_working_days,
                                          send_back_working_days)
            select t.id, p.report_id, p.report_reference, p.category, p.village_code, p.county_code, p.urgent, 'ASSIGNED',
                   'sup-' || p.county_code, 3, p.acknowledgement_sla, t.at, t.at, t.at,
                   t.round, t.sign_for_by, t.sign_for_yellow_at, t.handle_by, t.handle_yellow_at, p.sign_for_working_days,
                   p.handling_working_days, p.yellow_percent, p.max_extensions, p.max_extension_working_days, p.send_back_working_days
            from jsonb_to_recordset(cast(:tasks as jsonb))
                 as t(id uuid, report_id uuid, at timestamptz, round integer, sign_for_by timestamptz, sign_for_yellow_at timestamptz,
                      handle_by timestamptz, handle_yellow_at timestamptz)
            join coordinator_task p on p.report_id = t.report_id and p.round = t.round - 1
            on conflict (report_id, round) do nothing
            returning id
            """;

    private static final String ROUTE = """
            select count(route_task(t.id, 0, t.created_at, 'filed')) as routed from coordinator_task t where t.id = any(:ids)
            """;

    // Light rank: RED 2, YELLOW 1, GREEN 0 (Light's ordinals); tasks without limits sort last.
    private static final String RANK = "(case task_light(t, :now) when 'RED' then 2 when 'YELLOW' then 1 else 0 end)";
    private static final String DEADLINE = "coalesce(task_next_deadline(t), timestamptz '9999-12-31 00:00:00+00')";

    private static final Map<TaskOrder, String> ORDER_BY = Map.of(
            TaskOrder.NEWEST, "t.created_at desc, t.id desc",
            TaskOrder.DEADLINE, DEADLINE + ", t.id",
            TaskOrder.LIGHT, RANK + " desc, " + DEADLINE + ", t.id");

    private static final Map<TaskOrder, String> AFTER = Map.of(
            TaskOrder.NEWEST, "(t.created_at, t.id) < (:afterAt, :afterId)",
            TaskOrder.DEADLINE, "(" + DEADLINE + ", t.id) > (:afterAt, :afterId)",
            TaskOrder.LIGHT, "(-" + RANK + ", " + DEADLINE + ", t.id) > (-:afterRank, :afterAt, :afterId)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    private final Clock clock;

    public R2dbcCoordinatorTasks(DatabaseClient database, TransactionalOperator transactions, Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<Integer> open(List<TaskToOpen> toOpen) {
        return openedAndRouted(OPEN, toOpen.stream().map(R2dbcCoordinatorTasks::row).toList());
    }

    @Override
    public Mono<Integer> reopen(List<TaskToReopen> toReopen) {
        return openedAndRouted(REOPEN, toReopen.stream().map(task -> {
            Map<String, Object> row = clockRow(task.clock());
            row.put("id", TaskId.next().value().toString());
            row.put("report_id", task.reportId().toString());
            row.put("at", task.openedAt().toString());
            row.put("round", task.round());
            return row;
        }).toList());
    }

    private Mono<Integer> openedAndRouted(String insert, List<Map<String, Object>> tasks) {
        return database.sql(insert)
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

    private static Map<String, Object> row(TaskToOpen task) {
        ReportFiled report = task.report();
        TaskLimits limits = task.limits();
        Map<String, Object> row = clockRow(task.clock());
        row.put("id", TaskId.next().value().toString());
        row.put("report_id", report.reportId().toString());
        row.put("reference", report.reference());
        row.put("category", report.category());
        row.put("village", report.villageCode());
        row.put("county", report.countyCode());
        row.put("urgent", report.urgent());
        row.put("sla", report.acknowledgeWithinSeconds());
        row.put("at", task.openedAt().toString());
        row.put("round", task.round());
        row.put("sign_for_working_days", limits.signForWorkingDays());
        row.put("handling_working_days", limits.handlingWorkingDays());
        row.put("yellow_percent", limits.yellowPercent());
        row.put("max_extensions", limits.maxExtensions());
        row.put("max_extension_working_days", limits.maxExtensionWorkingDays());
        row.put("send_back_working_days", limits.sendBackWorkingDays());
        return row;
    }

    private static Map<String, Object> clockRow(TaskClock clock) {
        Map<String, Object> row = new HashMap<>();
        row.put("sign_for_by", iso(clock.signForBy()));
        row.put("sign_for_yellow_at", iso(clock.signForYellowAt()));
        row.put("handle_by", iso(clock.handleBy()));
        row.put("handle_yellow_at", iso(clock.handleYellowAt()));
        return row;
    }

    private static @Nullable String iso(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    @Override
    public Mono<CoordinatorTask> ofRound(UUID report, int round) {
        return database.sql(SELECT + "where t.report_id = :report and t.round = :round").bind("report", report).bind("round", round)
                .bind("now", utc(now())).map(R2dbcCoordinatorTasks::task).one();
    }

    @Override
    public Mono<CoordinatorTask> byId(TaskId id) {
        return database.sql(SELECT + "where t.id = :id").bind("id", id.value()).bind("now", utc(now()))
                .map(R2dbcCoordinatorTasks::task).one();
    }

    @Override
    public Flux<CoordinatorTask> assignedTo(String user, @Nullable TaskStatus status, TaskOrder order, @Nullable TaskCursor after,
            int limit) {
        return page("t.assignee = :filter", user, status, order, after, limit);
    }

    @Override
    public Flux<CoordinatorTask> inRegion(RegionScope region, @Nullable TaskStatus status, TaskOrder order, @Nullable TaskCursor after,
            int limit) {
        return page("t.village_code like :filter", region.prefix() + "%", status, order, after, limit);
    }

    private Flux<CoordinatorTask> page(String condition, String filter, @Nullable TaskStatus status, TaskOrder order,
            @Nullable TaskCursor after, int limit) {
        String sql = SELECT + "where " + condition
                + (status == null ? "" : " and t.status = :status")
                + (order == TaskOrder.NEWEST ? "" : " and t.status <> 'COMPLETED'")
                + (after == null ? "" : " and " + AFTER.get(order))
                + " order by " + ORDER_BY.get(order) + " limit :limit";
        GenericExecuteSpec spec = database.sql(sql).bind("filter", filter).bind("limit", limit).bind("now", utc(now()));
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        if (after != null) {
            spec = spec.bind("afterAt", utc(after.at())).bind("afterId", after.id());
            if (order == TaskOrder.LIGHT) {
                spec = spec.bind("afterRank", after.rank());
            }
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
    public Mono<CoordinatorTask> latestOf(UUID report) {
        return database.sql(SELECT + "where t.report_id = :report order by t.round desc limit 1").bind("report", report)
                .bind("now", utc(now())).map(R2dbcCoordinatorTasks::task).one();
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
        String light = row.get("light", String.class);
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
                row.get("version", Integer.class),
                row.get("round", Integer.class),
                new TaskClock(nullableInstant(row, "sign_for_by"), nullableInstant(row, "sign_for_yellow_at"), nullableInstant(row, "handle_by"),
                        nullableInstant(row, "handle_yellow_at"), light == null ? null : Light.valueOf(light)),
                new TaskLimits(row.get("sign_for_working_days", Integer.class), row.get("handling_working_days", Integer.class),
                        row.get("yellow_percent", Integer.class), row.get("max_extensions", Integer.class),
                        row.get("max_extension_working_days", Integer.class), row.get("send_back_working_days", Integer.class)),
                row.get("extensions_granted", Integer.class),
                row.get("extended_working_days", Integer.class),
                row.get("sent_back", Integer.class),
                Boolean.TRUE.equals(row.get("closed_as_duplicate", Boolean.class)));
    }

    private Instant now() {
        return clock.instant();
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
