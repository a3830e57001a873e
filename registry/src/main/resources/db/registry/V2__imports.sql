-- Imports of the people in assistance (issue 13, item 2): the departments' feed or a county's
-- supervisor sends a file of people and enrolments; each import is a row here that counts its
-- progress batch by batch, so that it can be read while the file is still arriving.

create table registry_import (
    id             uuid primary key,
    status         text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    -- The region of the supervisor who sent it (only its villages are accepted); null for the
    -- province-wide feed. The audit trail files the import under its county.
    region_code    text check (region_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    started_by     text not null,
    started_at     timestamptz not null,
    updated_at     timestamptz not null,
    finished_at    timestamptz,
    rows_read      bigint not null default 0,
    rows_accepted  bigint not null default 0,
    rows_refused   bigint not null default 0,
    enrolled       bigint not null default 0,
    changed        bigint not null default 0,
    -- The first refused rows, [{row, field, message}], within the service's limit; the rest are counted.
    errors         jsonb not null default '[]',
    errors_omitted bigint not null default 0,
    failure        text,
    check ((status = 'RUNNING') = (finished_at is null))
);

create index registry_import_region on registry_import (region_code, started_at);

-- Audited when it starts and when it ends; the counts flushed after every batch are progress, not
-- state: auditing them would add an event per batch and say nothing the final counts do not.
create trigger registry_import_audited after insert or update of status on registry_import
    for each row execute function intake.audit_row_change();

-- The feed's own household key ("feed:<householdId>"), or, for a person sent without one, a key of
-- their own ("person:<ID number's HMAC>"): an import finds a household by it. Null for households
-- made otherwise (a decision of the ordinary path).
alter table household add column household_key text;
create unique index household_by_key on household (household_key);

-- The name's keyed hash: a person sent again with the same name changes nothing (the ciphertext,
-- with its random nonce, cannot say so).
alter table member add column name_hash bytea;

-- Which import made a change of the history, if one did.
alter table enrolment_change add column import_id uuid references registry_import (id);
create index enrolment_change_import on enrolment_change (import_id) where import_id is not null;
