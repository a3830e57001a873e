-- Issue 13, items 3-5: standards that recompute amounts with back-payments, monthly payrolls and
-- one-off campaigns, and the bank batches that pay both. What protects people is unique here:
-- one monthly payment per enrolment and month, one grant per person and campaign.

-- A payroll: one month of a programme for a county, or every county of the region of whoever ran it.
create table payroll (
    id            uuid primary key,
    programme     text not null references programme (code),
    month         date not null check (extract(day from month) = 1),
    -- The counties paid: those whose code starts with this (a county's 6 digits, or the province's prefix).
    region_prefix text not null,
    county_code   char(6),
    status        text not null check (status in ('RUNNING', 'COMPLETED')),
    created_by    text not null,
    created_at    timestamptz not null,
    completed_at  timestamptz,
    version       integer not null default 0
);

-- A one-off campaign: a fixed amount to every person enrolled (as of a date) in one of its programmes.
create table campaign (
    id                    uuid primary key,
    name                  text not null,
    amount_per_person_fen bigint not null check (amount_per_person_fen > 0),
    programmes            text[] not null check (cardinality(programmes) > 0),
    as_of                 date not null,
    region_prefix         text not null,
    status                text not null check (status in ('CREATED', 'RUNNING', 'COMPLETED')),
    created_by            text not null,
    created_at            timestamptz not null,
    started_at            timestamptz,
    completed_at          timestamptz,
    version               integer not null default 0
);

-- A campaign pays once per person: a second campaign of the same name for the same region would pay again.
create unique index campaign_once_per_region_and_name on campaign (region_prefix, name);

-- The work of a run, county by county: claimed under a lease by any instance (SKIP LOCKED), so a
-- killed instance's county is taken again when its lease ends; DONE once its payouts, their ledger
-- entry and their bank batches have committed together.
create table payout_unit (
    run_id      uuid not null,
    county_code char(6) not null,
    source      text not null check (source in ('PAYROLL', 'CAMPAIGN')),
    status      text not null check (status in ('PENDING', 'DONE')),
    claim       uuid,
    lease_until timestamptz,
    -- What its statements granted: persons (campaign) or monthly payments (payroll), and back-payment lines.
    persons     integer not null default 0,
    amount_fen  bigint not null default 0,
    back_pays   integer not null default 0,
    back_pay_fen bigint not null default 0,
    updated_at  timestamptz not null,
    primary key (run_id, county_code)
);

create index payout_unit_due on payout_unit (lease_until nulls first) where status = 'PENDING';

-- The bank's messages: up to a batch size of payouts of one run and county, sent in one bulk
-- disburse. Claimed under a lease like the units; DONE when every payout in it is PAID or FAILED.
create table payout_batch (
    id              bigint generated always as identity primary key,
    run_id          uuid not null,
    source          text not null check (source in ('PAYROLL', 'CAMPAIGN')),
    county_code     char(6) not null,
    -- Its payouts: those of the run and county with ids in this range (numbered in id order when formed).
    first_payout_id bigint not null,
    last_payout_id  bigint not null,
    size            integer not null,
    amount_fen      bigint not null,
    paid            integer not null default 0,
    paid_fen        bigint not null default 0,
    failed          integer not null default 0,
    failed_fen      bigint not null default 0,
    status          text not null check (status in ('PENDING', 'SENDING', 'SENT', 'DONE')),
    claim           uuid,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index payout_batch_due on payout_batch (next_attempt_at) where status <> 'DONE';
create index payout_batch_run on payout_batch (run_id, status);

-- One line of money to one person: a payroll's monthly payment or back-payment, or a campaign's grant.
-- Its bank reference is 'registry-' || id. Not audited row by row (400,000 a run): the run, the
-- ledger entries and the standards are; this table is the bank's record of each transaction.
create table payout (
    id           bigint generated always as identity primary key,
    source       text not null check (source in ('PAYROLL', 'CAMPAIGN')),
    run_id       uuid not null,
    line         text not null check (line in ('MONTHLY', 'BACK_PAY', 'GRANT')),
    member_id    uuid not null references member (id),
    enrolment_id uuid references enrolment (id),
    month        date,
    county_code  char(6) not null,
    amount_fen   bigint not null check (amount_fen > 0),
    payee_key    bytea not null,
    status       text not null check (status in ('PENDING', 'SENT', 'PAID', 'FAILED')),
    batch_id     bigint references payout_batch (id),
    last_error   text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    check ((source = 'CAMPAIGN') = (line = 'GRANT')),
    check (line = 'GRANT' or (enrolment_id is not null and month is not null))
);

-- Nobody is paid twice, whatever runs twice, restarts, or runs on two instances at once.
create unique index payout_once_per_enrolment_and_month on payout (enrolment_id, month) where line = 'MONTHLY';
create unique index payout_one_back_pay_per_enrolment_and_month on payout (enrolment_id, month) where line = 'BACK_PAY';
create unique index payout_once_per_person_and_campaign on payout (run_id, member_id) where source = 'CAMPAIGN';
create index payout_run_county on payout (run_id, county_code) where batch_id is null;
create index payout_by_batch on payout (batch_id);

-- What a raised standard owes for months already paid at the old amount: settled by the next payroll
-- of the programme (payout_id then names its BACK_PAY line).
create table back_payment (
    id             bigint generated always as identity primary key,
    enrolment_id   uuid not null references enrolment (id),
    month          date not null,
    effective_from date not null,
    amount_fen     bigint not null check (amount_fen > 0),
    created_at     timestamptz not null,
    payout_id      bigint references payout (id)
);

create index back_payment_open on back_payment (enrolment_id) where payout_id is null;

do $$
declare
    audited text;
begin
    foreach audited in array array['payroll', 'campaign']
    loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function intake.audit_row_change()', audited || '_audited', audited);
    end loop;
end;
$$;
