-- Issue 9: intake publishes what happened as domain events and what other modules may read as
-- views; nobody else reads or writes intake's tables.

-- The chain's middle link, one coordinator per township, is reference data like the others.
insert into staff_member (user_id, role, region_code)
select 'twp-' || code, 'COORDINATOR', code from township
on conflict (user_id) do nothing;

-- Where an SMS reaches a staff member when no push does (synthetic for the seeded staff).
alter table staff_member add column phone text;
update staff_member set phone = '+86 139' || lpad((abs(hashtext(user_id)) % 100000000)::text, 8, '0');

-- Availability is the notification module's business (its own table); it never was reference data.
alter table staff_member drop column available;

-- Domain events, written by the same statement as the change they record. A position is drawn before
-- its transaction commits, so positions do not commit in order: subscribers take every committed
-- event at once, remember which ones above their watermark they took (event_consumed), and move the
-- watermark only over events of finished transactions (tx below the snapshot's xmin), so an event
-- committed late by an older transaction is neither skipped nor waited for; see R2dbcEventLog.
create table domain_event (
    position    bigserial primary key,
    tx          xid8 not null default pg_current_xact_id(),
    id          uuid not null unique,
    type        text not null,
    report_id   uuid not null,
    occurred_at timestamptz not null,
    payload     jsonb not null
);

create index domain_event_order on domain_event (tx, position);

-- Each subscriber's position: its watermark, below which it consumed every event. Claimed with FOR
-- UPDATE SKIP LOCKED, so one instance consumes for a subscriber at a time, and advanced in the
-- transaction of the consumption.
create table event_subscription (
    subscriber    text primary key,
    last_tx       xid8 not null default '0',
    last_position bigint not null default 0,
    updated_at    timestamptz not null default now()
);

-- Events a subscriber consumed above its watermark (committed before an older transaction finished).
create table event_consumed (
    subscriber text not null references event_subscription (subscriber),
    tx         xid8 not null,
    position   bigint not null,
    primary key (subscriber, position)
);

-- Published views: the only way other modules read intake's reference data.
create view village_directory as
select code as village_code, township_code, county_code, name as village_name from village;

create view staff_directory as
select user_id, role, region_code, phone from staff_member;

-- What supervision (queues, statistics, exports) reads: the rows as they stand, column for column.
-- Plain views, so PostgreSQL plans through them to the tables' own indexes.
create view report_view as select * from report;
create view aid_grant_view as select * from aid_grant;
create view ledger_entry_view as select * from ledger_entry;
create view payment_instruction_view as select * from payment_instruction;
create view verification_view as select * from verification;
