-- bench/registry/payouts: :persons people in the registry, made with generate_series through the
-- schema as it is (constraints, unique indexes and foreign keys on). Audit triggers are skipped
-- (session_replication_role = replica): the seed stands for people imported earlier, and 1.2 M
-- audit rows would only be sealed in the background while the bench measures.
--   households  one per 3 people, spread over every village of intake's village table (22 counties)
--   members     random bytes of an AES-GCM cipher's shape for name and ID number, a unique 32-byte
--               ID hash (the payee key), masked forms in clear
--   enrolments  everyone ACTIVE in MINIMUM_LIVING (700 yuan) since a year ago; every 5th person also
--               in EXTREME_POVERTY, ORPHAN_ALLOWANCE or DISABILITY_SUBSIDY (in turn): a campaign over the
--               four programmes pays each person once, a MINIMUM_LIVING payroll pays everyone
--   standards   MINIMUM_LIVING at 700 yuan in every county from the same date
\set ON_ERROR_STOP 1
\timing on
set session_replication_role = replica;
set synchronous_commit = off;

create temp table v as
select (row_number() over (order by code))::int - 1 as i, code, county_code from intake.village;
select count(*) as villages from v \gset

insert into registry.household (id, county_code, village_code, created_at, updated_at)
select md5('bench:h:' || h)::uuid, v.county_code, v.code, now(), now()
from generate_series(0, (:persons - 1) / 3) as h
join v on v.i = h % :villages;

insert into registry.member (id, household_id, county_code, village_code, name_cipher, name_masked, id_number_cipher,
                             id_number_hash, id_number_masked, created_at, updated_at)
select md5('bench:m:' || n)::uuid, md5('bench:h:' || (n / 3))::uuid, v.county_code, v.code,
       uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || substr(uuid_send(gen_random_uuid()), 1, 5),
       '张*',
       uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || substr(uuid_send(gen_random_uuid()), 1, 2),
       sha256(convert_to('bench:id:' || n, 'UTF8')),
       substr(v.county_code, 1, 4) || '**********' || lpad((n % 1000)::text, 3, '0') || 'X',
       now(), now()
from generate_series(0, :persons - 1) as n
join v on v.i = (n / 3) % :villages;

insert into registry.enrolment (id, member_id, programme, county_code, village_code, monthly_amount_fen, starts_on, status,
                                created_at, updated_at)
select md5('bench:e:' || n)::uuid, md5('bench:m:' || n)::uuid, 'MINIMUM_LIVING', v.county_code, v.code, 70000,
       current_date - 365, 'ACTIVE', now(), now()
from generate_series(0, :persons - 1) as n
join v on v.i = (n / 3) % :villages
union all
select md5('bench:e2:' || n)::uuid, md5('bench:m:' || n)::uuid,
       (array['EXTREME_POVERTY', 'ORPHAN_ALLOWANCE', 'DISABILITY_SUBSIDY'])[1 + (n / 5) % 3], v.county_code, v.code, 50000,
       current_date - 365, 'ACTIVE', now(), now()
from generate_series(0, :persons - 1) as n
join v on v.i = (n / 3) % :villages
where n % 5 = 0;

insert into registry.programme_standard (county_code, programme, effective_from, monthly_amount_fen, changed_by, changed_at)
select code, 'MINIMUM_LIVING', current_date - 365, 70000, 'bench', now() from intake.county;

reset session_replication_role;
analyze registry.household;
analyze registry.member;
analyze registry.enrolment;
select format('%s members, %s enrolments, %s counties, %s villages', (select count(*) from registry.member),
              (select count(*) from registry.enrolment), (select count(distinct county_code) from registry.member),
              (select count(distinct village_code) from registry.member)) as seeded;
