package org.aidline.supervision.persistence;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.aidline.supervision.QueueCursor;
import org.aidline.supervision.QueueFilter;
import org.aidline.supervision.QueueItem;
import org.aidline.supervision.WorkQueue;
import org.aidline.supervision.WorkQueues;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each queue is one select of the same columns (id, report, grant, village, urgent, rank, since,
 * state, amount, detail) over the rows its status names, the same predicates the partial indexes
 * of V3-V11 are built on; filters, the urgency order and the keyset come around it. The county is
 * matched by equality whenever the region is a county or smaller, so its indexes serve.
 */
public class R2dbcWorkQueues implements WorkQueues {

    private static final Map<WorkQueue, String> SELECTS = new EnumMap<>(WorkQueue.class);

    static {
        SELECTS.put(WorkQueue.PENDING_REVIEWS, """
                select cast(g.id as text) as id, cast(g.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(r.village_code as text) as village_code, r.urgent,
                       case when g.awaiting_approval_fen > 0 then 0 else 1 end as rank, g.updated_at as since, g.status as state,
                       case when g.awaiting_approval_fen > 0 then g.awaiting_approval_fen else g.amount_fen end as amount_fen,
                       case when g.awaiting_approval_fen > 0 then 'APPROVAL_ABOVE_CAP' else 'REVIEW' end as detail
                from aid_grant_view g join report_view r on r.id = g.report_id
                where (g.awaiting_approval_fen > 0 or g.status = 'DOCUMENTED') and %s
                """);
        SELECTS.put(WorkQueue.OVERDUE_DOCUMENTS, """
                select cast(g.id as text) as id, cast(g.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(r.village_code as text) as village_code, r.urgent, 0 as rank, g.documents_due_at as since, g.status as state,
                       g.amount_fen, cast(jsonb_array_length(g.required_documents) - jsonb_array_length(g.documents) as text) as detail
                from aid_grant_view g join report_view r on r.id = g.report_id
                where g.status = 'OVERDUE' and %s
                """);
        SELECTS.put(WorkQueue.FLAGGED_VERIFICATIONS, """
                select cast(g.id as text) as id, cast(g.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(r.village_code as text) as village_code, r.urgent, case when r.urgent then 0 else 1 end as rank,
                       g.updated_at as since, g.status as state, g.amount_fen,
                       (select string_agg(v.registry, ',' order by v.registry) from verification_view v
                        where v.grant_id = g.id and v.status = 'FLAGGED') as detail
                from aid_grant_view g join report_view r on r.id = g.report_id
                where g.verification_status = 'FLAGGED' and %s
                """);
        SELECTS.put(WorkQueue.ESCALATIONS, """
                select cast(t.id as text) as id, cast(t.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(t.village_code as text) as village_code, t.urgent,
                       case when t.escalation_exhausted or t.status = 'SENT_BACK' then 0 when t.urgent then 1 else 2 end as rank,
                       t.acknowledge_by as since,
                       case when t.status = 'SENT_BACK' then 'SENT_BACK_TWICE' when t.escalation_exhausted then 'EXHAUSTED' else 'ESCALATED' end
                           as state,
                       cast(null as bigint) as amount_fen, t.assignee as detail
                from task_assignment_view t left join aid_grant_view g on g.report_id = t.report_id
                where ((t.status = 'ASSIGNED' and (t.escalations > 0 or t.escalation_exhausted))
                       or (t.status = 'SENT_BACK' and t.sent_back >= 2)) and %s
                """);
        SELECTS.put(WorkQueue.FAILED_PAYMENTS, """
                select cast(p.id as text) as id, cast(g.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(r.village_code as text) as village_code, r.urgent, case when p.kind = 'PAYMENT' then 0 else 1 end as rank,
                       p.updated_at as since, p.kind as state, p.amount_fen, p.last_error as detail
                from payment_instruction_view p join aid_grant_view g on g.id = p.grant_id join report_view r on r.id = g.report_id
                where p.status = 'FAILED' and %s
                """);
        // t: notification's published dead letters, each with its task's place and state.
        SELECTS.put(WorkQueue.DEAD_LETTERS, """
                select cast(t.notification_id as text) as id, cast(t.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(t.village_code as text) as village_code, t.urgent,
                       case when t.task_status <> 'ASSIGNED' then 2 when t.urgent then 0 else 1 end as rank,
                       coalesce(t.failed_at, t.created_at) as since, t.channel as state, cast(null as bigint) as amount_fen,
                       t.recipient || ': ' || coalesce(t.last_response, '') as detail
                from dead_letter_view t left join aid_grant_view g on g.report_id = t.report_id
                where %s
                """);
        // r: intake's reports with the ordinary case's published steps, objections and decisions.
        SELECTS.put(WorkQueue.ORDINARY_CASES, """
                select cast(r.id as text) as id, cast(r.id as text) as report_id, cast(null as text) as grant_id,
                       cast(r.village_code as text) as village_code, r.urgent, case when c.county_decides then 0 else 1 end as rank,
                       r.created_at as since, c.stage as state, c.amount_fen, c.steps_done as detail
                from report_view r
                cross join lateral (
                    select exists (select 1 from case_decision_view d where d.report_id = r.id
                                   and (d.kind = 'RECOMMENDATION' or d.filing = 'OVERTURNED')) as county_decides,
                           case when exists (select 1 from case_decision_view d where d.report_id = r.id
                                             and (d.kind = 'RECOMMENDATION' or d.filing = 'OVERTURNED')) then 'COUNTY_DECISION'
                                when exists (select 1 from case_step_view s where s.report_id = r.id and s.step = 'NOTICE'
                                             and s.ends_at > now()) then 'NOTICE'
                                when exists (select 1 from case_objection_view o where o.report_id = r.id and o.status = 'OPEN')
                                    then 'OBJECTION'
                                when exists (select 1 from case_step_view s where s.report_id = r.id) then 'IN_PROGRESS'
                                else 'NEW' end as stage,
                           (select max(d.amount_fen) from case_decision_view d where d.report_id = r.id
                            and d.kind = 'RECOMMENDATION') as amount_fen,
                           (select string_agg(s.step, ',' order by s.at) from case_step_view s where s.report_id = r.id) as steps_done
                ) c
                where r.status = 'IN_REVIEW' and r.triage_decision = 'STANDARD' and %s
                """);
        SELECTS.put(WorkQueue.FILED_DECISIONS, """
                select cast(d.id as text) as id, cast(d.report_id as text) as report_id, cast(d.grant_id as text) as grant_id,
                       cast(d.village_code as text) as village_code, r.urgent, case when d.review_until > now() then 0 else 1 end as rank,
                       d.decided_at as since, d.outcome as state, d.amount_fen,
                       d.decided_by || ' (may be overturned until ' || to_char(d.review_until at time zone 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ')' as detail
                from case_decision_view d join report_view r on r.id = d.report_id
                where d.filing = 'FILED' and %s
                """);
        SELECTS.put(WorkQueue.REFERRALS_WAITING, """
                select cast(f.id as text) as id, cast(f.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(f.village_code as text) as village_code, r.urgent, case when f.escalated_at is not null then 0 else 1 end as rank,
                       f.referred_at as since, f.status as state, cast(null as bigint) as amount_fen,
                       f.partner_code || ' (' || f.delivery || '; answer due ' || to_char(f.answer_due_at at time zone 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ')' as detail
                from referral_view f join report_view r on r.id = f.report_id left join aid_grant_view g on g.report_id = f.report_id
                where f.status in ('OPEN', 'ACCEPTED') and %s
                """);
        // The task's light at the injected clock (notification's task_light over its published columns): RED ranks first.
        SELECTS.put(WorkQueue.PENDING_EXTENSIONS, """
                select cast(e.id as text) as id, cast(t.report_id as text) as report_id, cast(g.id as text) as grant_id,
                       cast(t.village_code as text) as village_code, t.urgent, case when l.light = 'RED' then 0 else 1 end as rank,
                       e.asked_at as since, l.light as state, cast(null as bigint) as amount_fen, cast(e.task_id as text) as detail
                from task_extension_view e join task_assignment_view t on t.id = e.task_id
                left join aid_grant_view g on g.report_id = t.report_id
                cross join lateral (
                    select case
                        when t.status = 'COMPLETED' then 'DONE'
                        when (t.acknowledged_at is null and :now >= t.sign_for_by) or :now >= t.handle_by then 'RED'
                        when (t.acknowledged_at is null and :now >= t.sign_for_yellow_at) or :now >= t.handle_yellow_at then 'YELLOW'
                        else 'GREEN' end as light
                ) l
                where e.status = 'PENDING' and %s
                """);
    }

    /** Queues whose urgency is read at the injected clock. */
    private static final Set<WorkQueue> AT_NOW = EnumSet.of(WorkQueue.PENDING_EXTENSIONS);

    /** The table alias whose county_code and village_code a queue is filtered on. */
    private static final Map<WorkQueue, String> PLACE = Map.of(
            WorkQueue.PENDING_REVIEWS, "g", WorkQueue.OVERDUE_DOCUMENTS, "g", WorkQueue.FLAGGED_VERIFICATIONS, "g",
            WorkQueue.ESCALATIONS, "t", WorkQueue.FAILED_PAYMENTS, "g", WorkQueue.DEAD_LETTERS, "t", WorkQueue.ORDINARY_CASES, "r",
            WorkQueue.FILED_DECISIONS, "d", WorkQueue.REFERRALS_WAITING, "f", WorkQueue.PENDING_EXTENSIONS, "t");

    private final DatabaseClient database;
    private final Clock clock;

    public R2dbcWorkQueues(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Flux<QueueItem> items(WorkQueue queue, QueueFilter filter, @Nullable QueueCursor after, int limit) {
        String sql = "select * from (" + select(queue, filter) + ") q where true" + period(filter)
                + (after == null ? "" : " and (q.rank, q.since, q.id) > (:afterRank, :afterSince, :afterId)")
                + " order by q.rank, q.since, q.id limit :limit";
        GenericExecuteSpec spec = bind(database.sql(sql), queue, filter).bind("limit", limit);
        if (after != null) {
            spec = spec.bind("afterRank", after.rank()).bind("afterSince", after.since().atOffset(ZoneOffset.UTC)).bind("afterId", after.id());
        }
        return spec.map(row -> item(queue, row)).all();
    }

    @Override
    public Mono<Long> count(WorkQueue queue, QueueFilter filter) {
        String sql = "select count(*) as n from (" + select(queue, filter) + ") q where true" + period(filter);
        return bind(database.sql(sql), queue, filter).map(row -> row.get("n", Long.class)).one();
    }

    /** The queue's select, limited to the place: the county by equality when the prefix names one, the village by prefix. */
    static String select(WorkQueue queue, QueueFilter filter) {
        String alias = PLACE.get(queue);
        String place = filter.villagePrefix().length() >= 6
                ? alias + ".county_code = :county and " + (filter.villagePrefix().length() > 6 ? alias(queue) + ".village_code like :village" : "true")
                : alias + ".county_code like :village";
        return SELECTS.get(queue).formatted(place);
    }

    /** Grants carry no village: theirs is the report's. */
    private static String alias(WorkQueue queue) {
        String place = PLACE.get(queue);
        return place.equals("g") ? "r" : place;
    }

    private static String period(QueueFilter filter) {
        return (filter.from() == null ? "" : " and q.since >= :from") + (filter.to() == null ? "" : " and q.since < :to");
    }

    private GenericExecuteSpec bind(GenericExecuteSpec spec, WorkQueue queue, QueueFilter filter) {
        if (AT_NOW.contains(queue)) {
            spec = spec.bind("now", clock.instant().atOffset(ZoneOffset.UTC));
        }
        String prefix = filter.villagePrefix();
        if (prefix.length() >= 6) {
            spec = spec.bind("county", prefix.substring(0, 6));
            if (prefix.length() > 6) {
                spec = spec.bind("village", prefix + "%");
            }
        } else {
            spec = spec.bind("village", prefix + "%");
        }
        if (filter.from() != null) {
            spec = spec.bind("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            spec = spec.bind("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        return spec;
    }

    private static QueueItem item(WorkQueue queue, Readable row) {
        return new QueueItem(queue, row.get("id", String.class), row.get("report_id", String.class), row.get("grant_id", String.class),
                row.get("village_code", String.class), Boolean.TRUE.equals(row.get("urgent", Boolean.class)), row.get("rank", Integer.class),
                row.get("since", OffsetDateTime.class).toInstant(), row.get("state", String.class), row.get("amount_fen", Long.class),
                row.get("detail", String.class));
    }
}
