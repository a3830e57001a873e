-- The working-day calendar (issue 12): a year a province supervisor has changed. A year without a
-- row is the one the service ships (holiday-cn's data, under calendar/ in the jar). The whole year
-- is replaced at once, as the State Council's notice gives it; version guards concurrent changes.
create table working_calendar (
    year       integer primary key check (year between 2000 and 2099),
    -- [{"date": "2026-02-14", "off": false, "name": "春节"}, ...]: holidays and exchanged working days.
    days       jsonb not null,
    published  boolean not null,
    version    integer not null check (version > 0),
    changed_at timestamptz not null,
    changed_by text not null,
    -- For the audit trail, which names an entity by its id; the calendar is the province's.
    id         text generated always as ('calendar-' || year) stored,
    county_code char(6) not null default '640000'
);

create trigger working_calendar_audited after insert or update or delete on working_calendar
    for each row execute function audit_row_change();

-- The work orders' clocks in the policy (WorkOrderRules as JSON); null in versions from before them:
-- the province default (sign for within 1 working day, handle within 5, ...) applies to those.
alter table policy add column work_orders jsonb;
