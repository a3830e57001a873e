-- Triage, policy, fast-track grants, payment instructions and the fund ledger.

create extension if not exists btree_gist;

-- Policy as data: one row per version; county_code 640000 holds the province default.
create table policy (
    county_code             char(6) not null,
    version                 integer not null,
    fast_track_categories   text[] not null,
    referral_categories     text[] not null default '{}',
    excluded_categories     text[] not null default '{}',
    minimum_living_fen      bigint not null check (minimum_living_fen > 0),
    cap_fen                 bigint not null check (cap_fen > 0),
    standard_amounts        jsonb not null,
    required_documents      jsonb not null,
    documents_deadline      interval not null default interval '10 days',
    frequency_window        interval not null default interval '30 days',
    urgent_acknowledgement  interval not null default interval '15 minutes',
    normal_acknowledgement  interval not null default interval '4 hours',
    changed_by              text not null,
    changed_at              timestamptz not null,
    reason                  text not null,
    primary key (county_code, version)
);

insert into policy (county_code, version, fast_track_categories, minimum_living_fen, cap_fen, standard_amounts,
                    required_documents, changed_by, changed_at, reason)
values ('640000', 1,
        '{MEDICAL_EMERGENCY,ACCIDENT,DISASTER,CHILD_WITHOUT_CARE}',
        80000, 240000,
        '{"MEDICAL_EMERGENCY":   [120000, 150000, 180000, 210000, 240000],
          "ACCIDENT":            [120000, 150000, 180000, 210000, 240000],
          "DISASTER":            [80000, 120000, 160000, 200000, 240000],
          "CHILD_WITHOUT_CARE":  [80000, 100000, 120000, 140000, 160000],
          "LOSS_OF_INCOME":      [80000, 100000, 120000, 140000, 160000],
          "UNEMPLOYED_UNINSURED":[80000, 100000, 120000, 140000, 160000],
          "UNEMPLOYED_GRADUATE": [80000, 80000, 80000, 80000, 80000],
          "BASIC_LIVING":        [80000, 100000, 120000, 140000, 160000],
          "DISABILITY":          [80000, 100000, 120000, 140000, 160000],
          "OTHER":               [80000, 80000, 80000, 80000, 80000]}',
        '{"MEDICAL_EMERGENCY":  ["ID", "HOUSEHOLD_REGISTER", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS"],
          "ACCIDENT":           ["ID", "HOUSEHOLD_REGISTER", "ACCIDENT_PROOF", "MEDICAL_BILLS"],
          "DISASTER":           ["ID", "HOUSEHOLD_REGISTER", "DISASTER_LOSS_ASSESSMENT"],
          "CHILD_WITHOUT_CARE": ["ID", "HOUSEHOLD_REGISTER", "GUARDIANSHIP_PROOF"],
          "OTHER":              ["ID", "HOUSEHOLD_REGISTER", "HARDSHIP_PROOF"]}',
        'system', now(), 'Province default: cap 3x the monthly minimum-living standard of 800 yuan');

alter table report
    add column triage_decision text,
    add column triage_reasons  jsonb,
    add column policy_county   char(6),
    add column policy_version  integer,
    add column linked_report   uuid references report (id);

create index report_household_open on report (subject_id_hash, status) where subject_id_hash is not null;

-- "grant" is a reserved word.
create table aid_grant (
    id                   uuid primary key,
    report_id            uuid not null unique references report (id),
    county_code          char(6) not null references county (code),
    household_key        bytea,
    status               text not null,
    amount_fen           bigint not null check (amount_fen >= 0),
    awaiting_approval_fen bigint not null default 0 check (awaiting_approval_fen >= 0),
    required_documents   jsonb not null,
    documents            jsonb not null default '[]',
    documents_due_at     timestamptz,
    policy_county        char(6) not null,
    policy_version       integer not null,
    fast_track_window    tstzrange not null,
    override_reason      text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              integer not null default 0,
    -- One fast-track grant per household per policy window, whatever the channel or instance:
    -- PostgreSQL refuses the second, so no race between two reports can pay twice.
    constraint one_fast_track_grant_per_household exclude using gist (
        household_key with =, fast_track_window with &&)
        where (household_key is not null and status <> 'REVOKED' and override_reason is null)
);

create index aid_grant_due on aid_grant (documents_due_at) where status = 'AWAITING_DOCUMENTS';
create index aid_grant_county_status on aid_grant (county_code, status);

create table payment_instruction (
    id              uuid primary key,
    reference_id    text not null unique,
    grant_id        uuid not null references aid_grant (id),
    kind            text not null check (kind in ('PAYMENT', 'RECOVERY')),
    amount_fen      bigint not null check (amount_fen > 0),
    status          text not null,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index payment_instruction_due on payment_instruction (next_attempt_at) where status in ('PENDING', 'SENT');

-- Append-only: entries are never updated or deleted; corrections are new entries.
create table ledger_entry (
    id          bigint generated always as identity primary key,
    county_code char(6) not null references county (code),
    grant_id    uuid not null references aid_grant (id),
    kind        text not null check (kind in ('GRANT', 'ADJUSTMENT', 'REVOCATION', 'PAYMENT', 'RECOVERY')),
    amount_fen  bigint not null,
    at          timestamptz not null,
    actor       text not null,
    reference   text
);

create index ledger_entry_county_at on ledger_entry (county_code, at);
create index ledger_entry_grant on ledger_entry (grant_id);

create function refuse_change_of_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: add a correcting row instead', tg_table_name;
end;
$$;

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function refuse_change_of_append_only();

create trigger report_event_append_only before update or delete on report_event
    for each row execute function refuse_change_of_append_only();
