-- The call-back (回访) after a report closes (issue 12): an operator of the region calls the person
-- back and records whether they were reached and how satisfied they are. One item per closing of a
-- report (closure 1, then 2 after an unsatisfied answer reopened it, ...), made by the statement that
-- closes the report, only for reports with a phone number to call. The item is done when answered,
-- or UNREACHED after the policy's number of tries (kept on the item as it was at closing).
create table call_back (
    id            uuid primary key,
    report_id     uuid not null references report (id),
    closure       integer not null check (closure > 0),
    county_code   char(6) not null,
    village_code  char(12) not null,
    status        text not null check (status in ('WAITING', 'ANSWERED', 'UNREACHED')),
    max_tries     integer not null check (max_tries between 1 and 10),
    tries         integer not null default 0 check (tries between 0 and max_tries),
    satisfaction  text check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    created_at    timestamptz not null,
    last_tried_at timestamptz,
    done_at       timestamptz,
    version       integer not null default 0,
    unique (report_id, closure),
    check ((status = 'ANSWERED') = (satisfaction is not null)),
    check ((status = 'WAITING') = (done_at is null))
);

-- At most one waiting item per report: a report is closed once at a time.
create unique index call_back_waiting_once on call_back (report_id) where status = 'WAITING';
-- The operators' queue: a county's waiting items, oldest first.
create index call_back_waiting on call_back (county_code, created_at, id) where status = 'WAITING';
-- Statistics of a county and period read the items done.
create index call_back_done on call_back (county_code, done_at) where status <> 'WAITING';

-- Every try, reached or not: what the operator heard, in their words.
create table call_back_try (
    id            uuid primary key,
    call_back_id  uuid not null references call_back (id),
    attempt       integer not null check (attempt > 0),
    reached       boolean not null,
    satisfaction  text check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    note          text,
    tried_by      text not null,
    tried_at      timestamptz not null,
    -- The audit trail names the county of a row by its own column.
    county_code   char(6) not null,
    unique (call_back_id, attempt),
    check (reached = (satisfaction is not null))
);

create trigger call_back_audited after insert or update or delete on call_back
    for each row execute function audit_row_change();
create trigger call_back_try_audited after insert or update or delete on call_back_try
    for each row execute function audit_row_change();

-- A report an unsatisfied call-back reopened (重办) is closable again once its new task is done.
drop index report_closable;
create index report_closable on report (id) where status in ('DECIDED', 'FAST_TRACKED', 'REFERRED', 'REOPENED');

-- Published for supervision's statistics (satisfaction rates): the items and their tries.
create view call_back_view as select * from call_back;
create view call_back_try_view as select * from call_back_try;
