package org.aidline.notification.escalation.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.notification.escalation.EscalatedTask;
import org.aidline.notification.escalation.SilentAssignees;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Silent assignees found and handled in PostgreSQL, one statement per step. */
public class R2dbcSilentAssignees implements SilentAssignees {

    private static final String TEXT = """
            with due as (
                select id from coordinator_task
                where status = 'ASSIGNED' and sms_fallback_at <= :now
                order by sms_fallback_at
                limit :limit
                for update skip locked),
            task as (
                update coordinator_task t set sms_fallback_at = null
                from due where t.id = due.id
                returning t.id, t.assignee),
            texted as (
                insert into notification (id, task_id, recipient, channel, status, next_attempt_at, created_at)
                select gen_random_uuid(), task.id, task.assignee, 'SMS', 'QUEUED', :now, :now
                from task join staff_directory s on s.user_id = task.assignee
                where s.phone is not null
                returning id),
            woken as (
                select pg_notify('aidline_notification_due', '') from texted limit 1)
            select (select count(*) from task) as handled, (select count(*) from woken) as woken
            """;

    // Locked first, then routed: route_task (migration V1) picks the next reachable link, records the step,
    // cancels what was still queued for the silent assignee and queues the new one's notifications.
    private static final String ESCALATE = """
            select due.id, due.assignee as from_user,
                   route_task(due.id, due.assignee_rank, :now,
                              'not acknowledged within ' || due.acknowledgement_sla::text) as to_user
            from (select id, assignee, assignee_rank, acknowledgement_sla from coordinator_task
                  where status = 'ASSIGNED' and not escalation_exhausted and acknowledge_by <= :now
                  order by acknowledge_by
                  limit :limit
                  for update skip locked) due
            """;

    // The day after a missed deadline (from 00:00 Asia/Shanghai), one chase per deadline: a deadline
    // moved by an extension and missed again is chased again. The unique index on automatic chases
    // makes a second instance's insert of the same chase do nothing.
    private static final String CHASE = """
            with due as (
                select t.id, t.assignee, t.county_code, m.missed, m.deadline
                from coordinator_task t
                cross join lateral (values
                    ('SIGN_FOR', case when t.acknowledged_at is null and t.status = 'ASSIGNED' then t.sign_for_by end),
                    ('HANDLING', case when t.status <> 'COMPLETED' then t.handle_by end)) as m(missed, deadline)
                where t.status <> 'COMPLETED' and m.deadline is not null
                  and (date_trunc('day', m.deadline at time zone 'Asia/Shanghai') + interval '1 day') at time zone 'Asia/Shanghai' <= :now
                  and not exists (select 1 from task_chase c
                                  where c.task_id = t.id and c.automatic and c.missed = m.missed and c.deadline = m.deadline)
                order by m.deadline
                limit :limit),
            chased as (
                insert into task_chase (id, task_id, county_code, at, actor, automatic, missed, deadline, assignee)
                select gen_random_uuid(), d.id, d.county_code, :now, 'system', true, d.missed, d.deadline, d.assignee
                from due d
                on conflict do nothing
                returning task_id, assignee),
            told as (
                select notify_of(task_id, assignee, :now, 'CHASE') as pushed from chased),
            event as (
                insert into task_event (task_id, recipient, type, at)
                select task_id, assignee, 'CHASED', :now from chased
                returning recipient)
            select e.recipient, (select count(*) from told) as told from event e
            """;

    private final DatabaseClient database;

    public R2dbcSilentAssignees(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Long> textUnansweredPushes(Instant now, int limit) {
        return database.sql(TEXT)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> row.get("handled", Long.class))
                .one();
    }

    @Override
    public Flux<String> chaseMissedDeadlines(Instant now, int limit) {
        return database.sql(CHASE)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> row.get("recipient", String.class))
                .all();
    }

    @Override
    public Flux<EscalatedTask> escalateOverdue(Instant now, int limit) {
        return database.sql(ESCALATE)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> new EscalatedTask(row.get("id", UUID.class), row.get("from_user", String.class), row.get("to_user", String.class)))
                .all();
    }
}
