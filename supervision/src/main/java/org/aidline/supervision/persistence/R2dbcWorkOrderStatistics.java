package org.aidline.supervision.persistence;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.supervision.Breakdown;
import org.aidline.supervision.CountyPeriod;
import org.aidline.supervision.OnTime;
import org.aidline.supervision.Satisfaction;
import org.aidline.supervision.WorkOrderBreakdown;
import org.aidline.supervision.WorkOrderFigures;
import org.aidline.supervision.WorkOrderRow;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * The work orders' clocks and the call-backs of a county (or region) and period, in one statement,
 * grouped by a key: nothing (the totals), the village, or the assignee. Tasks come from notification's
 * task_assignment_view (opened in the period, on its county index), with their chases and extensions;
 * call-backs from intake's call_back_view (done in the period, on call_back_done). "Overdue" is read at
 * the injected clock, so that a figure asked twice at the same time is the same.
 */
public class R2dbcWorkOrderStatistics {

    static final String SQL = """
            with t as (
                select t.id, %1$s as key, t.acknowledged_at, t.sign_for_by, t.completed_at, t.handle_by, t.closed_as_duplicate, t.sent_back
                from task_assignment_view t where %2$s %3$s),
            tasks as (
                select key, count(*) as tasks, count(*) filter (where closed_as_duplicate) as duplicates,
                       count(*) filter (where not closed_as_duplicate and acknowledged_at <= sign_for_by) as sign_on_time,
                       count(*) filter (where not closed_as_duplicate and acknowledged_at > sign_for_by) as sign_late,
                       count(*) filter (where not closed_as_duplicate and acknowledged_at is null and sign_for_by <= :now) as sign_overdue,
                       count(*) filter (where not closed_as_duplicate and completed_at <= handle_by) as handle_on_time,
                       count(*) filter (where not closed_as_duplicate and completed_at > handle_by) as handle_late,
                       count(*) filter (where not closed_as_duplicate and completed_at is null and handle_by <= :now) as handle_overdue,
                       count(*) filter (where sent_back > 0) as sent_back
                from t group by key),
            chased as (
                select t.key, count(*) as chases from task_chase_view c join t on t.id = c.task_id group by t.key),
            extended as (
                select t.key, count(*) as asked, count(*) filter (where e.status = 'GRANTED') as granted
                from task_extension_view e join t on t.id = e.task_id group by t.key),
            called as (
                select %4$s as key, count(*) filter (where c.status = 'ANSWERED') as answered,
                       count(*) filter (where c.status = 'UNREACHED') as unreached,
                       count(*) filter (where c.satisfaction = 'SATISFIED') as satisfied,
                       count(*) filter (where c.satisfaction = 'BASICALLY_SATISFIED') as basically_satisfied,
                       count(*) filter (where c.satisfaction = 'UNSATISFIED') as unsatisfied
                from call_back_view c where c.status <> 'WAITING' and %5$s %6$s %7$s group by 1),
            figures as (
                select coalesce(tasks.key, called.key) as key, coalesce(tasks.tasks, 0) as tasks, coalesce(tasks.duplicates, 0) as duplicates,
                       coalesce(tasks.sign_on_time, 0) as sign_on_time, coalesce(tasks.sign_late, 0) as sign_late,
                       coalesce(tasks.sign_overdue, 0) as sign_overdue, coalesce(tasks.handle_on_time, 0) as handle_on_time,
                       coalesce(tasks.handle_late, 0) as handle_late, coalesce(tasks.handle_overdue, 0) as handle_overdue,
                       coalesce(tasks.sent_back, 0) as sent_back, coalesce(chased.chases, 0) as chases,
                       coalesce(extended.asked, 0) as extensions_asked, coalesce(extended.granted, 0) as extensions_granted,
                       coalesce(called.answered, 0) as answered, coalesce(called.unreached, 0) as unreached,
                       coalesce(called.satisfied, 0) as satisfied, coalesce(called.basically_satisfied, 0) as basically_satisfied,
                       coalesce(called.unsatisfied, 0) as unsatisfied
                from tasks left join chased on chased.key = tasks.key left join extended on extended.key = tasks.key
                full join called on called.key = tasks.key)
            select f.*, count(*) over () as groups from figures f
            -- Worst first: the lower of the two on-time rates (least() passes over a null one), then the most overdue,
            -- then the least satisfied.
            order by least(cast(sign_on_time as numeric) / nullif(sign_on_time + sign_late + sign_overdue, 0),
                           cast(handle_on_time as numeric) / nullif(handle_on_time + handle_late + handle_overdue, 0)) nulls last,
                     sign_overdue + handle_overdue desc,
                     cast(satisfied + basically_satisfied as numeric) / nullif(answered, 0) nulls last,
                     key
            limit :limit
            """;

    private final DatabaseClient database;
    private final Clock clock;

    public R2dbcWorkOrderStatistics(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The county's (or region's) totals; zeros when nothing was opened or called back in the period. */
    public Mono<WorkOrderRow> totals(CountyPeriod period) {
        return query(sql(period, "cast('' as text)", "cast('' as text)", true), period, 1)
                .map(row -> row(row, true)).one()
                .defaultIfEmpty(new WorkOrderRow("", new WorkOrderFigures(0, 0, new OnTime(0, 0, 0), new OnTime(0, 0, 0), 0, 0, 0, 0),
                        new Satisfaction(0, 0, Map.of())));
    }

    /** Up to {@code limit} villages or assignees, worst first, and how many have figures in all. */
    public Mono<WorkOrderBreakdown> breakdown(CountyPeriod period, Breakdown by, int limit) {
        boolean village = by == Breakdown.VILLAGE;
        String key = village ? "cast(t.village_code as text)" : "t.assignee";
        // A call-back is of a report, not of whoever held its task: by coordinator, there are none.
        return query(sql(period, key, "cast(c.village_code as text)", village), period, limit)
                .map(row -> Map.entry(row.get("groups", Long.class), row(row, village))).all()
                .collectList()
                .map(rows -> new WorkOrderBreakdown(by, rows.stream().map(Map.Entry::getValue).toList(),
                        rows.isEmpty() ? 0 : rows.get(0).getKey()));
    }

    static String sql(CountyPeriod period, String taskKey, String callBackKey, boolean callBacks) {
        return SQL.formatted(taskKey, R2dbcSupervisionStatistics.county("t", period), R2dbcSupervisionStatistics.within("t.created_at", period),
                callBackKey, R2dbcSupervisionStatistics.county("c", period), R2dbcSupervisionStatistics.within("c.done_at", period),
                callBacks ? "" : "and false");
    }

    private GenericExecuteSpec query(String sql, CountyPeriod period, int limit) {
        return R2dbcSupervisionStatistics.bind(database.sql(sql), period)
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .bind("limit", limit);
    }

    private static WorkOrderRow row(Readable row, boolean callBacks) {
        WorkOrderFigures figures = new WorkOrderFigures(count(row, "tasks"), count(row, "duplicates"),
                new OnTime(count(row, "sign_on_time"), count(row, "sign_late"), count(row, "sign_overdue")),
                new OnTime(count(row, "handle_on_time"), count(row, "handle_late"), count(row, "handle_overdue")),
                count(row, "chases"), count(row, "extensions_asked"), count(row, "extensions_granted"), count(row, "sent_back"));
        @Nullable Satisfaction satisfaction = null;
        if (callBacks) {
            Map<String, Long> bySatisfaction = new LinkedHashMap<>();
            bySatisfaction.put("SATISFIED", count(row, "satisfied"));
            bySatisfaction.put("BASICALLY_SATISFIED", count(row, "basically_satisfied"));
            bySatisfaction.put("UNSATISFIED", count(row, "unsatisfied"));
            satisfaction = new Satisfaction(count(row, "answered"), count(row, "unreached"), bySatisfaction);
        }
        return new WorkOrderRow(row.get("key", String.class), figures, satisfaction);
    }

    private static long count(Readable row, String column) {
        Long value = row.get(column, Long.class);
        return value == null ? 0 : value;
    }
}
