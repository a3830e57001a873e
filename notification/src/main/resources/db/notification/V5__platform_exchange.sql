-- The 12345 exchange (notification's side): the platform's work orders linked to their reports,
-- and the outbox of their status changes to the platform's webhook. Filled from intake's events
-- (the ReportFiled of a report with an order number, its ReportStatusChanged) and from the
-- coordinator tasks' own task_event rows; no other module's table is read.

create table platform_work_order (
    order_number     text primary key,
    report_id        uuid not null unique,
    report_reference text not null,
    -- From the ReportFiled event: supervisors see the deliveries of their region.
    village_code     char(12) not null,
    county_code      char(6) not null,
    filed_at         timestamptz not null
);

-- One row per change, queued once: change_key names its source (an intake event's id, a
-- task_event's seq), so reading a source again (after a crash) queues nothing more.
-- PENDING covers queued, claimed (claim set, next_attempt_at = the lease's end) and waiting to
-- be tried again; FAILED is a dead letter.
create table platform_delivery (
    id              uuid primary key,
    seq             bigserial not null unique,
    change_key      text not null unique,
    order_number    text not null references platform_work_order (order_number),
    change          text not null check (change in ('RECEIVED', 'SIGNED_FOR', 'EXTENDED', 'DECIDED', 'CLOSED', 'REOPENED', 'CALL_BACK')),
    occurred_at     timestamptz not null,
    details         jsonb not null default '{}',
    status          text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    claim           uuid,
    last_response   text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    failed_at       timestamptz
);

create index platform_delivery_due on platform_delivery (next_attempt_at) where status = 'PENDING';
create index platform_delivery_order_pending on platform_delivery (order_number, occurred_at, seq) where status = 'PENDING';
create index platform_delivery_status on platform_delivery (status, seq desc);

-- task_event's seq is drawn before its transaction commits, so rows do not become visible in seq
-- order. The exchange follows them by (transaction, seq), only over transactions older than every
-- one still running (below the snapshot's xmin): no later row can appear behind its position.
alter table task_event add column tx xid8 not null default pg_current_xact_id();
create index task_event_tx on task_event (tx, seq);

create table platform_task_position (
    follower   text primary key,
    last_tx    xid8 not null default '0',
    last_seq   bigint not null default 0,
    updated_at timestamptz not null default now()
);

insert into platform_task_position (follower) values ('platform-exchange');
