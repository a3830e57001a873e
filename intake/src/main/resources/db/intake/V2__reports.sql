-- Reports as filed and their append-only history.

create table report (
    id                   uuid primary key,
    reference            text not null,
    channel              text not null check (channel in ('APP', 'HOTLINE', 'VISIT', 'MONITORING')),
    category             text not null,
    status               text not null,
    description          text not null,
    village_code         char(12) not null references village (code),
    county_code          char(6) not null references county (code),
    urgent               boolean not null,
    requested_amount_fen bigint check (requested_amount_fen >= 0),
    subject_name         text not null,
    subject_id_cipher    bytea,
    subject_id_hash      bytea,
    subject_id_masked    text,
    subject_phone        text,
    household_size       integer not null check (household_size between 1 and 50),
    latitude             double precision,
    longitude            double precision,
    attachments          jsonb not null default '[]',
    caller_name          text,
    caller_phone         text,
    caller_relation      text,
    call_id              text,
    filed_by             text not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              integer not null default 0,
    constraint report_reference_unique unique (reference)
);

create index report_filed_by_newest on report (filed_by, created_at desc, id desc);
create index report_subject_phone on report (subject_phone) where subject_phone is not null;
create index report_caller_phone on report (caller_phone) where caller_phone is not null;
create index report_county_newest on report (county_code, created_at desc);
create index report_household on report (subject_id_hash) where subject_id_hash is not null;

create table report_event (
    report_id uuid not null references report (id),
    sequence  integer not null,
    type      text not null,
    at        timestamptz not null,
    actor     text not null,
    detail    jsonb not null default '{}',
    primary key (report_id, sequence)
);
