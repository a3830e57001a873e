-- Work orders with clocks (issue 12). A task carries its sign-for and handling deadlines in working
-- days of the national calendar, computed when it is opened (and moved by a granted extension),
-- with the moment each turns YELLOW; the light itself is task_light(), read at the caller's clock.
-- A report reopened after an unsatisfied call-back gets a new task: round 2, 3, ...
alter table coordinator_task
    add column round                      integer not null default 1,
    add column sign_for_by                timestamptz,
    add column sign_for_yellow_at         timestamptz,
    add column handle_by                  timestamptz,
    add column handle_yellow_at           timestamptz,
    add column sign_for_working_days      integer not null default 1,
    add column handling_working_days      integer not null default 5,
    add column yellow_percent             integer not null default 75,
    add column max_extensions             integer not null default 2,
    add column max_extension_working_days integer not null default 10,
    add column extensions_granted         integer not null default 0,
    add column extended_working_days      integer not null default 0,
    -- The assignee may send the task back within this many working days of receiving it.
    add column send_back_working_days     integer not null default 2,
    add column sent_back                  integer not null default 0,
    add column closed_as_duplicate        boolean not null default false;

alter table coordinator_task drop constraint coordinator_task_status_check;
alter table coordinator_task add constraint coordinator_task_status_check
    check (status in ('ASSIGNED', 'ACKNOWLEDGED', 'VISITED', 'COMPLETED', 'SENT_BACK'));
alter table coordinator_task drop constraint coordinator_task_report_id_key;
create unique index coordinator_task_report_round on coordinator_task (report_id, round);

-- GREEN, YELLOW or RED at p_now: the sign-for clock runs until the task is signed for (acknowledged),
-- the handling clock until it is completed; the worse of the two. Null once completed.
create function task_light(t coordinator_task, p_now timestamptz)
returns text
language sql immutable as $$
    select case
        when t.status = 'COMPLETED' then null
        when (t.acknowledged_at is null and p_now >= t.sign_for_by) or p_now >= t.handle_by then 'RED'
        when (t.acknowledged_at is null and p_now >= t.sign_for_yellow_at) or p_now >= t.handle_yellow_at then 'YELLOW'
        else 'GREEN'
    end
$$;

-- The deadline that matters next: signing for while it is not done, then handling.
create function task_next_deadline(t coordinator_task)
returns timestamptz
language sql immutable as $$
    select case when t.acknowledged_at is null then least(t.sign_for_by, t.handle_by) else t.handle_by end
$$;

-- What a notification is about: the assignment, a chase, a decision on an extension.
alter table notification add column kind text not null default 'ASSIGNED'
    check (kind in ('ASSIGNED', 'CHASE', 'EXTENSION_DECIDED'));

-- Queues what tells p_user of something about the task: a push to each registered device, or an
-- SMS when there is none; wakes the dispatchers when the transaction commits. Whether a push went out.
create function notify_of(p_task uuid, p_user text, p_at timestamptz, p_kind text)
returns boolean
language plpgsql as $$
declare
    pushed integer;
begin
    insert into notification (id, task_id, recipient, channel, device_id, status, next_attempt_at, created_at, kind)
    select gen_random_uuid(), p_task, p_user, 'PUSH', d.id, 'QUEUED', p_at, p_at, p_kind
    from device d where d.user_id = p_user and d.retired_at is null;
    get diagnostics pushed = row_count;
    if pushed = 0 then
        insert into notification (id, task_id, recipient, channel, status, next_attempt_at, created_at, kind)
        select gen_random_uuid(), p_task, p_user, 'SMS', 'QUEUED', p_at, p_at, p_kind
        from intake.staff_directory s where s.user_id = p_user and s.phone is not null;
    end if;
    perform pg_notify('aidline_notification_due', '');
    return pushed > 0;
end;
$$;

create or replace function notify_of_task(p_task uuid, p_user text, p_at timestamptz)
returns boolean
language plpgsql as $$
declare
    pushed boolean;
begin
    pushed := notify_of(p_task, p_user, p_at, 'ASSIGNED');
    insert into task_event (task_id, recipient, type, at) values (p_task, p_user, 'ASSIGNED', p_at);
    return pushed;
end;
$$;

-- Chase notices (催办): sent by a supervisor with a note, or by the sweep the day after a missed
-- deadline, once per deadline (the unique index), whichever instance sweeps.
create table task_chase (
    id          uuid primary key,
    task_id     uuid not null references coordinator_task (id),
    county_code char(6) not null,
    at          timestamptz not null,
    actor       text not null,
    automatic   boolean not null,
    -- Which deadline was missed (automatic chases): SIGN_FOR or HANDLING, and its time then.
    missed      text check (missed in ('SIGN_FOR', 'HANDLING')),
    deadline    timestamptz,
    note        text,
    assignee    text not null
);

create index task_chase_task on task_chase (task_id, at);

create unique index task_chase_once_per_deadline on task_chase (task_id, missed, deadline) where automatic;

-- Extensions asked by the assignee and decided by a supervisor of the region.
create table task_extension (
    id            uuid primary key,
    task_id       uuid not null references coordinator_task (id),
    county_code   char(6) not null,
    working_days  integer not null check (working_days between 1 and 60),
    reason        text not null,
    asked_by      text not null,
    asked_at      timestamptz not null,
    status        text not null check (status in ('PENDING', 'GRANTED', 'REFUSED')),
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    -- The handling deadline before and after a grant.
    handle_by_before timestamptz,
    handle_by_after  timestamptz
);

-- At most one extension waits for a decision per task.
create unique index task_extension_one_pending on task_extension (task_id) where status = 'PENDING';

-- Send-backs (任务回退): who sent the task back, why, and who it went to next.
create table task_send_back (
    task_id     uuid not null references coordinator_task (id),
    number      integer not null,
    county_code char(6) not null,
    at          timestamptz not null,
    actor       text not null,
    reason      text not null,
    note        text,
    reassigned_to text,
    reassigned_by text,
    reassigned_at timestamptz,
    primary key (task_id, number)
);

create trigger task_chase_audited after insert or update or delete on task_chase
    for each row execute function intake.audit_row_change();
create trigger task_extension_audited after insert or update or delete on task_extension
    for each row execute function intake.audit_row_change();
create trigger task_send_back_audited after insert or update or delete on task_send_back
    for each row execute function intake.audit_row_change();

create index coordinator_task_deadlines on coordinator_task (handle_by) where status <> 'COMPLETED';

-- Supervision reads the clocks too: the escalations queue (tasks sent back twice) and on-time rates.
create or replace view task_assignment_view as
select id, report_id, village_code, county_code, urgent, status, assignee, escalations,
       escalation_exhausted, acknowledge_by, acknowledged_at, created_at,
       round, sent_back, sign_for_by, handle_by, completed_at, closed_as_duplicate
from coordinator_task;

create index coordinator_task_sent_back on coordinator_task (county_code) where status = 'SENT_BACK' and sent_back >= 2;
