-- Departments' registry events (issue 13, item 6): a child losing their carer, a disability certified,
-- a death, a large out-of-pocket medical bill. Per-county rules turn each into a coordinator visit
-- (a MONITORING report filed through intake), an enrolment change, or proactive temporary aid.

-- The rules per county and event type from a date: versioned policy data, kept here rather than in
-- intake's policy because they speak of the registry's events and enrolments, which intake must not
-- know. A county without a rule of its own follows the province's ('640000').
create table registry_event_rule (
    county_code       char(6) not null,
    event_type        text not null check (event_type in ('CARER_LOST', 'DISABILITY_CERTIFIED', 'DEATH', 'MEDICAL_BILL')),
    effective_from    date not null,
    action            text not null check (action in ('VISIT', 'END_ENROLMENTS', 'TEMPORARY_AID', 'NONE')),
    -- The category of the report a VISIT or TEMPORARY_AID files (intake's categories).
    category          text,
    -- Warnings for the same person and cause within so many days join the first one's report.
    merge_window_days integer not null default 30 check (merge_window_days >= 0),
    -- TEMPORARY_AID: from this out-of-pocket amount on, the event files a report at all.
    threshold_fen     bigint check (threshold_fen >= 0),
    -- TEMPORARY_AID: whether the report is fast-tracked (aid with no application) or only reviewed.
    proactive         boolean not null default false,
    changed_by        text not null,
    changed_at        timestamptz not null,
    id                text generated always as (county_code || ':' || event_type || ':' || cast(cast(extract(year from effective_from) * 10000
                          + extract(month from effective_from) * 100 + extract(day from effective_from) as bigint) as text)) stored,
    primary key (county_code, event_type, effective_from),
    check (action not in ('VISIT', 'TEMPORARY_AID') or category is not null),
    check (action <> 'TEMPORARY_AID' or threshold_fen is not null)
);

insert into registry_event_rule (county_code, event_type, effective_from, action, category, merge_window_days, threshold_fen,
                                 proactive, changed_by, changed_at) values
    ('640000', 'CARER_LOST', '2020-01-01', 'VISIT', 'CHILD_WITHOUT_CARE', 30, null, false, 'migration', now()),
    ('640000', 'DISABILITY_CERTIFIED', '2020-01-01', 'VISIT', 'DISABILITY', 30, null, false, 'migration', now()),
    ('640000', 'DEATH', '2020-01-01', 'END_ENROLMENTS', null, 0, null, false, 'migration', now()),
    ('640000', 'MEDICAL_BILL', '2020-01-01', 'TEMPORARY_AID', 'MEDICAL_EMERGENCY', 30, 500000, true, 'migration', now());

-- A warning raised for a person and cause: the report it filed, and how many events it merged.
-- Opening one is serialised per person and cause (a transaction-level advisory lock), so two events
-- at once cannot both file a report.
create table monitoring_warning (
    id             uuid primary key,
    id_number_hash bytea not null,
    cause          text not null,
    county_code    char(6) not null,
    village_code   char(12) not null,
    report_id      uuid not null unique,
    opened_on      date not null,
    merge_until    date not null,
    events         integer not null default 1 check (events >= 1),
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index monitoring_warning_person on monitoring_warning (id_number_hash, cause, opened_on desc);

-- Every event received, once: the source's own event id is the key, so the same event sent twice
-- (or by two requests at once) acts once; the row says what it did.
create table registry_event (
    source         text not null,
    event_id       text not null,
    id             uuid not null unique,
    event_type     text not null,
    id_number_hash bytea not null,
    county_code    char(6) not null,
    village_code   char(12) not null,
    occurred_on    date not null,
    amount_fen     bigint,
    outcome        text not null check (outcome in ('RECEIVED', 'REPORT_FILED', 'MERGED', 'ENROLMENTS_ENDED', 'NO_ACTION')),
    report_id      uuid,
    warning_id     uuid references monitoring_warning (id),
    enrolments     integer,
    detail         text,
    received_by    text not null,
    received_at    timestamptz not null,
    primary key (source, event_id)
);

create index registry_event_county on registry_event (county_code, received_at);

do $$
declare
    audited text;
begin
    foreach audited in array array['registry_event_rule', 'monitoring_warning', 'registry_event']
    loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function intake.audit_row_change()', audited || '_audited', audited);
    end loop;
end;
$$;
