-- Coordinator tasks and their delivery (issue 4). A task and its first notifications are written
-- by a trigger on report, so they commit with the report or not at all: the transactional outbox.
-- The assignment chain is SQL because the trigger and the escalation sweep must agree on it.

-- The chain's middle link: one coordinator per township, beside one per village and one supervisor per county.
insert into staff_member (user_id, role, region_code)
select 'twp-' || code, 'COORDINATOR', code from township
on conflict (user_id) do nothing;

alter table staff_member
    -- Where an SMS reaches them when no push does (synthetic for the seeded staff).
    add column phone             text,
    -- Unavailable (available = false) until this time; null means until they say otherwise.
    add column unavailable_until timestamptz;

update staff_member
set phone = '+86 139' || lpad((abs(hashtext(user_id)) % 100000000)::text, 8, '0');

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
    report_id            uuid not null unique references report (id),
    village_code         char(12) not null references village (code),
    county_code          char(6) not null references county (code),
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
    select 1, 'coord-' || v.code from village v where v.code = p_village
    union all
    select 2, 'twp-' || v.township_code from village v where v.code = p_village
    union all
    select 3, 'sup-' || v.county_code from village v where v.code = p_village
$$;

-- Available at p_at, and reachable by a registered device or a phone.
create function staff_reachable(p_user text, p_at timestamptz)
returns boolean
language sql stable as $$
    select coalesce((
        select (s.available or s.unavailable_until <= p_at)
           and (s.phone is not null
                or exists (select 1 from device d where d.user_id = s.user_id and d.retired_at is null))
        from staff_member s where s.user_id = p_user), false)
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
        from staff_member s where s.user_id = p_user and s.phone is not null;
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
        insert into task_escalation (task_id, number, at, from_user, from_rank, to_user, to_rank, reason)
        values (p_task, t.escalations + 1, p_at, t.assignee, t.assignee_rank, next_user, next_rank, p_reason);
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

create function open_coordinator_task() returns trigger
language plpgsql as $$
declare
    sla interval;
    task uuid := gen_random_uuid();
begin
    select case when new.urgent then p.urgent_acknowledgement else p.normal_acknowledgement end into sla
    from policy p
    where p.county_code in (new.county_code, '640000')
    order by (p.county_code = new.policy_county and p.version = new.policy_version) desc,
             (p.county_code = new.county_code) desc, p.version desc
    limit 1;
    insert into coordinator_task (id, report_id, village_code, county_code, urgent, status, assignee, assignee_rank,
                                  acknowledgement_sla, assigned_at, acknowledge_by, created_at)
    values (task, new.id, new.village_code, new.county_code, new.urgent, 'ASSIGNED', 'sup-' || new.county_code, 3,
            coalesce(sla, interval '4 hours'), new.created_at, new.created_at, new.created_at);
    perform route_task(task, 0, new.created_at, 'filed');
    return null;
end;
$$;

create trigger report_opens_coordinator_task
    after insert on report
    for each row when (new.triage_decision is distinct from 'REJECTED')
    execute function open_coordinator_task();
