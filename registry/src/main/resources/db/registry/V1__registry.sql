-- The beneficiary registry (issue 13): the people already in assistance, by household, with their
-- programme enrolments and the standards their monthly amounts follow. Names and ID numbers are
-- protected as in intake: AES-GCM ciphertext, an HMAC for matching, and only the masked form in clear.

create table programme (
    code    text primary key,
    name    text not null,
    name_zh text not null
);

insert into programme (code, name, name_zh) values
    ('MINIMUM_LIVING', 'Minimum living allowance', '最低生活保障'),
    ('EXTREME_POVERTY', 'Extreme-poverty support', '特困人员救助供养'),
    ('ORPHAN_ALLOWANCE', 'Orphan and de-facto orphan allowance', '孤儿和事实无人抚养儿童基本生活费'),
    ('DISABILITY_SUBSIDY', 'Living and care subsidies for people with disabilities', '困难残疾人生活补贴和重度残疾人护理补贴');

-- A household: where its members live (the village decides who coordinates a visit).
create table household (
    id           uuid primary key,
    county_code  char(6) not null,
    village_code char(12) not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer not null default 0
);

create index household_village on household (village_code);

-- A person: the ID number's HMAC is the one key a person is matched by (an import, an event, a campaign).
create table member (
    id               uuid primary key,
    household_id     uuid not null references household (id),
    county_code      char(6) not null,
    village_code     char(12) not null,
    name_cipher      bytea not null,
    name_masked      text not null,
    id_number_cipher bytea not null,
    id_number_hash   bytea not null unique,
    id_number_masked text not null,
    deceased_on      date,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer not null default 0
);

create index member_household on member (household_id);
create index member_county on member (county_code, id);

-- A person's place in a programme: one enrolment per person and programme (an import updates it,
-- never adds a second), its monthly amount in fen, and where it stands with the reason.
create table enrolment (
    id                 uuid primary key,
    member_id          uuid not null references member (id),
    programme          text not null references programme (code),
    county_code        char(6) not null,
    village_code       char(12) not null,
    monthly_amount_fen bigint not null check (monthly_amount_fen >= 0),
    starts_on          date not null,
    status             text not null check (status in ('ACTIVE', 'SUSPENDED', 'ENDED')),
    reason             text,
    ended_on           date,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            integer not null default 0,
    unique (member_id, programme),
    check ((status = 'ENDED') = (ended_on is not null))
);

-- Payrolls and campaigns read the active enrolments of a programme, county by county.
create index enrolment_active on enrolment (programme, county_code, id) where status = 'ACTIVE';
create index enrolment_member on enrolment (member_id);

-- The history of every enrolment: each change as it was made, by whom, from where (an import, an
-- event, a flag's outcome, a standard change, a decision of the ordinary path).
create table enrolment_change (
    id                 bigserial primary key,
    enrolment_id       uuid not null references enrolment (id),
    county_code        char(6) not null,
    status             text not null,
    monthly_amount_fen bigint not null,
    reason             text,
    source             text not null,
    changed_by         text not null,
    changed_at         timestamptz not null
);

create index enrolment_change_enrolment on enrolment_change (enrolment_id, id);

-- A date as ISO text for a generated key: a cast to text depends on DateStyle, so PostgreSQL refuses it
-- there as not immutable; these digits do not depend on it (plpgsql, so that it is never inlined back into to_char).
create function iso_date(d date) returns text
language plpgsql immutable as $$ begin return to_char(d, 'YYYY-MM-DD'); end $$;

-- The monthly standard of a programme in a county from a date: versioned policy data. A raised
-- standard from a past date is a new row; what was paid under the old one is owed as back-payment.
create table programme_standard (
    county_code        char(6) not null,
    programme          text not null references programme (code),
    effective_from     date not null,
    monthly_amount_fen bigint not null check (monthly_amount_fen > 0),
    changed_by         text not null,
    changed_at         timestamptz not null,
    -- For the audit trail, which names an entity by its id.
    id                 text generated always as (county_code || ':' || programme || ':' || iso_date(effective_from)) stored,
    primary key (county_code, programme, effective_from)
);

do $$
declare
    audited text;
begin
    foreach audited in array array['household', 'member', 'enrolment', 'programme_standard']
    loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function intake.audit_row_change()', audited || '_audited', audited);
    end loop;
end;
$$;

-- Published for supervision (statistics of the people in assistance).
create view enrolment_view as select * from enrolment;
