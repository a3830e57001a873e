-- Coordinator tasks and their delivery (issue 4), in schema notification. A task is opened when
-- intake's ReportFiled event is consumed (TaskOpening), in the same transaction that records the
-- consumption, so it is opened exactly once. Villages and staff are read through intake's published
-- views (intake.village_directory, intake.staff_directory); reports are referred to by id only.
-- The assignment chain is SQL because the opening and the escalation sweep must agree on it.

-- Whether a staff member takes tasks (absent: available). Unavailable (available = false) until
-- unavailable_until; null means until they say otherwise.
create table staff_availability (
    user_id           text primary key,
    available         boolean not null default true,
    unavailable_until timestamptz
);

create table device (
    id             uuid primary key,
    user_id        text not null,
    provider       text not null check (provider in ('FCM', 'JPUSH')),
    token          text not null,
    registered_at  timestamptz not null,
    retired_at     timestamptz,
    retired_reason text
);

create unique index device_active_token on device (provider, token) where retired_at is null;
create index device_active_user on device (user_id) where retired_at is null;

create table coordinator_task (
    id                   uuid primary key,
    report_id            uuid not null unique,
    -- From the ReportFiled event: what a message and a task list show without asking intake.
    report_reference     text not null,
    category             text not null,
    village_code         char(12) not null,
    county_code          char(6) not null,
    urgent               boolean not null,
    status               text not null check (status in ('ASSIGNED', 'ACKNOWLEDGED', 'VISITED', 'COMPLETED')),
    assignee             text not null,
    assignee_rank        integer not null check (assignee_rank between 1 and 3),
    acknowledgement_sla  interval not null,
    assigned_at          timestamptz not null,
    acknowledge_by       timestamptz not null,
    -- When a push still unacknowledged is followed by an SMS; null once texted or when texting came first.
    sms_fallback_at      timestamptz,
    escalations          integer not null default 0,
    -- The county supervisor let the SLA pass too: nobody is above, supervisors' queue shows it.
    escalation_exhausted boolean not null default false,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    visited_at           timestamptz,
    visit_latitude       double precision,
    visit_longitude      double precision,
    visit_note           text,
    completed_at         timestamptz,
    completion_note      text,
    created_at           timestamptz not null,
    version              integer not null default 0
);

create index coordinator_task_assignee on coordinator_task (assignee, status, created_at desc);
create index coordinator_task_overdue on coordinator_task (acknowledge_by) where status = 'ASSIGNED' and not escalation_exhausted;
create index coordinator_task_sms_due on coordinator_task (sms_fallback_at) where status = 'ASSIGNED' and sms_fallback_at is not null;
create index coordinator_task_county on coordinator_task (county_code, created_at desc);

create table task_escalation (
    task_id    uuid not null references coordinator_task (id),
    number     integer not null,
    -- The task's county, for auditors of that county (the audit trail reads it from the row).
    county_code char(6) not null,
    at         timestamptz not null,
    from_user  text not null,
    from_rank  integer not null,
    to_user    text,
    to_rank    integer,
    reason     text not null,
    primary key (task_id, number)
);

-- What a coordinator's live stream shows, in order; Last-Event-ID is seq.
create table task_event (
    seq       bigserial primary key,
    task_id   uuid not null references coordinator_task (id),
    recipient text not null,
    type      text not null,
    at        timestamptz not null
);

create index task_event_recipient on task_event (recipient, seq);

-- The outbox. States after RapidPro: QUEUED, SENDING (claimed under a lease), SENT (the provider
-- took it), DELIVERED (the app has it), ACKNOWLEDGED, ERRORED (retried at next_attempt_at),
-- FAILED (dead letter, for supervisors) and CANCELLED (the task moved on before it was sent).
create table notification (
    id                  uuid primary key,
    task_id             uuid not null references coordinator_task (id),
    recipient           text not null,
    channel             text not null check (channel in ('PUSH', 'SMS')),
    device_id           uuid references device (id),
    status              text not null check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'ACKNOWLEDGED',
                                                        'ERRORED', 'FAILED', 'CANCELLED')),
    attempts            integer not null default 0,
    next_attempt_at     timestamptz not null,
    claim               uuid,
    provider_message_id text,
    last_response       text,
    created_at          timestamptz not null,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    acknowledged_at     timestamptz,
    failed_at           timestamptz,
    check (channel = 'SMS' or device_id is not null)
);

create index notification_due on notification (next_attempt_at) where status in ('QUEUED', 'SENDING', 'ERRORED');
create index notification_task on notification (task_id, recipient);
create index notification_dead_letters on notification (created_at desc) where status = 'FAILED';

create table notification_attempt (
    notification_id uuid not null references notification (id),
    attempt         integer not null,
    at              timestamptz not null,
    provider        text not null,
    outcome         text not null,
    response        text,
    primary key (notification_id, attempt)
);

-- The chain for a village: its coordinator, its township's, its county's supervisor.
create function coordinator_chain(p_village char(12))
returns table (rank integer, user_id text)
language sql stable as $$
    select 1, 'coord-' || v.village_code from intake.village_directory v where v.village_code = p_village
    union all
    select 2, 'twp-' || v.township_code from intake.village_directory v where v.village_code = p_village
    union all
    select 3, 'sup-' || v.county_code from intake.village_directory v where v.village_code = p_village
$$;

-- Available at p_at, and reachable by a registered device or a phone.
create function staff_reachable(p_user text, p_at timestamptz)
returns boolean
language sql stable as $$
    select coalesce((
        select (a.user_id is null or a.available or a.unavailable_until <= p_at)
           and (s.phone is not null
                or exists (select 1 from notification.device d where d.user_id = s.user_id and d.retired_at is null))
        from intake.staff_directory s
        left join notification.staff_availability a on a.user_id = s.user_id
        where s.user_id = p_user), false)
$$;

-- Queues the notifications that tell p_user of the task: a push to each registered device, or
-- an SMS when there is none. Returns whether a push went out (then an SMS may follow).
create function notify_of_task(p_task uuid, p_user text, p_at timestamptz)
returns boolean
language plpgsql as $$
declare
    pushed integer;
begin
    insert into notification (id, task_id, recipient, channel, device_id, status, next_attempt_at, created_at)
    select gen_random_uuid(), p_task, p_user, 'PUSH', d.id, 'QUEUED', p_at, p_at
    from device d where d.user_id = p_user and d.retired_at is null;
    get diagnostics pushed = row_count;
    if pushed = 0 then
        insert into notification (id, task_id, recipient, channel, status, next_attempt_at, created_at)
        select gen_random_uuid(), p_task, p_user, 'SMS', 'QUEUED', p_at, p_at
        from intake.staff_directory s where s.user_id = p_user and s.phone is not null;
    end if;
    insert into task_event (task_id, recipient, type, at) values (p_task, p_user, 'ASSIGNED', p_at);
    -- Wakes every instance's dispatcher when this transaction commits.
    perform pg_notify('aidline_notification_due', '');
    return pushed > 0;
end;
$$;

-- Gives the task to the first reachable link after p_after_rank (the county supervisor when none
-- is), cancels what was still queued for the previous assignee and notifies the new one. Returns
-- the new assignee, or null when nobody is above (the escalation is then exhausted).
create function route_task(p_task uuid, p_after_rank integer, p_at timestamptz, p_reason text)
returns text
language plpgsql as $$
declare
    t          coordinator_task%rowtype;
    next_user  text;
    next_rank  integer;
    pushed     boolean;
begin
    select * into t from coordinator_task where id = p_task;
    select c.user_id, c.rank into next_user, next_rank
    from coordinator_chain(t.village_code) c
    where c.rank > p_after_rank and (staff_reachable(c.user_id, p_at) or c.rank = 3)
    order by c.rank limit 1;
    if p_after_rank > 0 then
        insert into task_escalation (task_id, number, county_code, at, from_user, from_rank, to_user, to_rank, reason)
        values (p_task, t.escalations + 1, t.county_code, p_at, t.assignee, t.assignee_rank, next_user, next_rank, p_reason);
    end if;
    if next_user is null then
        update coordinator_task
        set escalation_exhausted = true, escalations = escalations + 1, version = version + 1
        where id = p_task;
        return null;
    end if;
    if p_after_rank > 0 then
        update notification set status = 'CANCELLED', claim = null
        where task_id = p_task and recipient = t.assignee and status in ('QUEUED', 'ERRORED');
        insert into task_event (task_id, recipient, type, at) values (p_task, t.assignee, 'REASSIGNED', p_at);
    end if;
    pushed := notify_of_task(p_task, next_user, p_at);
    update coordinator_task
    set assignee = next_user, assignee_rank = next_rank, assigned_at = p_at,
        acknowledge_by = p_at + acknowledgement_sla,
        sms_fallback_at = case when pushed then p_at + acknowledgement_sla / 2 end,
        escalations = escalations + case when p_after_rank > 0 then 1 else 0 end,
        version = version + 1
    where id = p_task;
    return next_user;
end;
$$;
