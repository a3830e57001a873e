-- bench/supervision: 100,000 reports over the 22 counties and the past year, each fast-tracked
-- with a grant, a paid payment instruction and ten ledger entries (1,000,000 in all), through the
-- schema as it is: every trigger runs (the audit trail records every row, the ledger stays
-- append-only), every foreign key holds, and per grant the entitlement entries sum to amount_fen and
-- the payments to what was paid. Coordinator tasks are opened the way notification opens them from a
-- ReportFiled event (insert, then route_task along the chain), without going through the events.
\set ON_ERROR_STOP on
\timing on

create temporary table v as select row_number() over (order by code) - 1 as n, code, county_code from village;

-- Reports: channels, categories and urgency vary; a fifth of the subjects have no phone.
insert into report (id, reference, channel, category, status, description, village_code, county_code, urgent, requested_amount_fen,
                    subject_name, subject_id_masked, subject_phone, household_size, filed_by, created_at, updated_at,
                    triage_decision, triage_reasons, policy_county, policy_version)
select gen_random_uuid(), 'BENCH-' || i,
       (array['APP', 'HOTLINE', 'VISIT', 'MONITORING'])[1 + i % 4],
       (array['MEDICAL_EMERGENCY', 'ACCIDENT', 'DISASTER', 'CHILD_WITHOUT_CARE'])[1 + (i / 4) % 4],
       'FAST_TRACKED', '父亲突发脑溢血住院，急需手术费 第' || i || '号', v.code, v.county_code, i % 3 = 0, 300000,
       (array['王建国', '马秀兰', '李德明', '杨海燕'])[1 + i % 4], '640104********' || lpad((i % 10000)::text, 4, '0'),
       case when i % 5 = 0 then null else '138' || lpad(i::text, 8, '0') end, 1 + i % 6, 'citizen-bench-' || i,
       t.at, t.at, 'FAST_TRACK', '[]', '640000', 1
from generate_series(1, 100000) i
join v on v.n = i % 2217
cross join lateral (select now() - make_interval(days => i % 365, secs => (i * 7919) % 86400) as at) t;

-- Coordinator tasks, as notification's TaskOpening opens them, each routed along its village's chain.
insert into coordinator_task (id, report_id, report_reference, category, village_code, county_code, urgent, status, assignee,
                              assignee_rank, acknowledgement_sla, assigned_at, acknowledge_by, created_at)
select gen_random_uuid(), r.id, r.reference, r.category, r.village_code, r.county_code, r.urgent, 'ASSIGNED', 'sup-' || r.county_code,
       3, case when r.urgent then interval '15 minutes' else interval '4 hours' end, r.created_at, r.created_at, r.created_at
from report r where r.reference like 'BENCH-%';
select count(route_task(t.id, 0, t.created_at, 'filed')) as routed from coordinator_task t where t.report_reference like 'BENCH-%';

-- Grants: 2 % overdue, 2 % documented (to review), 1 % above the cap (to approve), 10 % confirmed,
-- the rest waiting for documents (due in the future, so the sweep has nothing to do); 0.5 % flagged.
create temporary table g as
select gen_random_uuid() as id, r.id as report_id, r.county_code, r.created_at, row_number() over (order by r.created_at, r.id) as n
from report r where r.reference like 'BENCH-%';

insert into aid_grant (id, report_id, county_code, status, amount_fen, awaiting_approval_fen, required_documents, documents,
                       documents_due_at, policy_county, policy_version, fast_track_window, created_at, updated_at, verification_status)
select g.id, g.report_id, g.county_code,
       case when g.n % 50 = 0 then 'OVERDUE' when g.n % 50 = 1 then 'DOCUMENTED' when g.n % 10 = 2 then 'CONFIRMED' else 'AWAITING_DOCUMENTS' end,
       240000, case when g.n % 100 = 3 then 60000 else 0 end,
       '["ID", "HOUSEHOLD_REGISTER", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS"]', '[]',
       case when g.n % 50 = 0 then now() - make_interval(days => 1 + (g.n % 200)::int)
            else greatest(g.created_at, now()) + interval '10 days' end,
       '640000', 1, tstzrange(g.created_at, g.created_at + interval '30 days'), g.created_at, g.created_at + interval '1 hour',
       case when g.n % 200 = 5 then 'FLAGGED' else 'CLEAR' end
from g;

-- One payment per grant, paid between 2 minutes and 2 hours after the report; 0.2 % more refused for good.
insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, attempts, next_attempt_at, created_at, updated_at)
select gen_random_uuid(), 'BENCH-P-' || g.n, g.id, 'PAYMENT', 240000, 'PAID', 1, g.created_at, g.created_at,
       g.created_at + make_interval(secs => 120 + (g.n * 104729) % 7080)
from g;
insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, attempts, next_attempt_at, last_error, created_at, updated_at)
select gen_random_uuid(), 'BENCH-F-' || g.n, g.id, case when g.n % 1000 = 7 then 'RECOVERY' else 'PAYMENT' end, 500, 'FAILED', 8, g.created_at,
       'ACCOUNT_CLOSED', g.created_at, g.created_at + interval '3 hours'
from g where g.n % 500 = 7;

-- Ten ledger entries per grant, in time order: GRANT, its PAYMENT (ledgered once per instruction),
-- and four adjustments up and back down (the entitlement still sums to amount_fen).
insert into ledger_entry (county_code, grant_id, kind, amount_fen, at, actor, reference, payment_instruction_id)
select g.county_code, g.id,
       case when k = 0 then 'GRANT' when k = 1 then 'PAYMENT' else 'ADJUSTMENT' end,
       case when k = 0 then 240000 when k = 1 then 240000 when k % 2 = 0 then 500 else -500 end,
       case when k = 0 then g.created_at when k = 1 then p.updated_at else p.updated_at + make_interval(days => k) end,
       case when k = 0 then 'system' when k = 1 then 'payment-gateway' else 'sup-' || g.county_code end,
       'BENCH-' || g.n, case when k = 1 then p.id end
from g
join payment_instruction p on p.grant_id = g.id and p.status = 'PAID'
cross join generate_series(0, 9) k
order by 5;

-- Coordinator tasks: 95 % acknowledged within 30 minutes; 1 % escalated and unacknowledged, 0.2 % of which exhausted.
update coordinator_task t
set status = 'ACKNOWLEDGED', acknowledged_at = t.created_at + make_interval(secs => 20 + (hashtext(t.id::text) & 1023)),
    acknowledged_by = t.assignee, version = t.version + 1
where t.report_reference like 'BENCH-%' and abs(hashtext(t.id::text)) % 100 >= 5;
update coordinator_task t
set escalations = 1, escalation_exhausted = abs(hashtext(t.id::text)) % 5 = 0, version = t.version + 1
where t.report_reference like 'BENCH-%' and t.status = 'ASSIGNED' and abs(hashtext(t.id::text)) % 100 = 1;

-- Notifications: the rest were delivered or cancelled; 0.5 % failed for good (dead letters).
update notification n set status = case when abs(hashtext(n.id::text)) % 200 = 0 then 'FAILED' else 'CANCELLED' end,
    failed_at = case when abs(hashtext(n.id::text)) % 200 = 0 then n.created_at + interval '10 minutes' end,
    last_response = case when abs(hashtext(n.id::text)) % 200 = 0 then 'bench: refused for good' end
where n.status = 'QUEUED';

analyze;
select (select count(*) from report) as reports, (select count(*) from aid_grant) as grants,
       (select count(*) from ledger_entry) as ledger_entries, (select count(*) from coordinator_task) as tasks,
       (select count(*) from audit_event) as audit_events;
