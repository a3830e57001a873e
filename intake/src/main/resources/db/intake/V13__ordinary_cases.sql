-- Issue 11: an ordinary (STANDARD) case is decided, in steps recorded on the report: the coordinator's
-- household investigation, the means test against the registries, public notice with the right to
-- object, the village deliberation where the policy asks for it, then the decision. A township's
-- supervisor decides within the township's cap and files the decision upward to the county; above
-- the cap the township recommends and the county decides.

-- The ordinary case's rules are part of the county's versioned policy. Province default: the
-- township decides up to 3x the monthly minimum-living standard; investigation, means test and 7
-- days of notice before a decision, no deliberation; emergencies do the investigation and the means
-- test after payment; the county may overturn a filed decision for 15 days.
-- (Policy rows are append-only: the new columns take their defaults, no row is updated. A township
-- cap of null is 3x the version's minimum-living standard.)
alter table policy
    add column township_cap_fen bigint check (township_cap_fen > 0),
    add column ordinary_case    jsonb not null default
        '{"investigation": true, "meansTest": true, "noticeDays": 7, "deliberation": false,
          "afterPayment": ["INVESTIGATION", "MEANS_TEST"], "filedDecisionReviewDays": 15}';

-- One row per step done, as it stands (a step redone before the decision replaces its row; the
-- report's history keeps every time it was done). A notice's row is written when it opens, with
-- the moment it ends.
create table case_step (
    report_id uuid not null references report (id),
    step      text not null check (step in ('INVESTIGATION', 'MEANS_TEST', 'NOTICE', 'DELIBERATION')),
    actor     text not null,
    at        timestamptz not null,
    ends_at   timestamptz,
    outcome   jsonb not null,
    primary key (report_id, step),
    check ((step = 'NOTICE') = (ends_at is not null))
);

-- Objections raised during a notice; the decision waits while one is open.
create table case_objection (
    id          uuid primary key,
    report_id   uuid not null references report (id),
    raised_by   text not null,
    raised_at   timestamptz not null,
    objector    text,
    statement   text not null,
    status      text not null check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    resolved_by text,
    resolved_at timestamptz,
    resolution  text,
    check ((status = 'OPEN') = (resolved_at is null))
);

create index case_objection_report on case_objection (report_id, raised_at);

-- Decisions and the township's recommendations above its cap. One standing decision per report,
-- enforced here: two deciders (or two instances) can never both decide the same case, and an
-- overturned decision makes room for the county's own.
create table case_decision (
    id            uuid primary key,
    report_id     uuid not null references report (id),
    county_code   char(6) not null,
    village_code  char(12) not null,
    kind          text not null check (kind in ('RECOMMENDATION', 'DECISION')),
    level         text not null check (level in ('TOWNSHIP', 'COUNTY')),
    outcome       text not null check (outcome in ('GRANT', 'REFUSE')),
    amount_fen    bigint check (amount_fen > 0),
    refusal       text,
    note          text,
    basis         text,
    decided_by    text not null,
    decided_at    timestamptz not null,
    grant_id      uuid references aid_grant (id),
    -- A township's decision filed upward (备案): the county notes it as seen or overturns it until review_until.
    filing        text check (filing in ('FILED', 'SEEN', 'OVERTURNED')),
    review_until  timestamptz,
    reviewed_by   text,
    reviewed_at   timestamptz,
    review_note   text,
    check ((outcome = 'GRANT') = (amount_fen is not null)),
    check (outcome = 'GRANT' or refusal is not null),
    check ((filing is null) = (kind = 'RECOMMENDATION' or level = 'COUNTY'))
);

create unique index case_decision_standing on case_decision (report_id)
    where kind = 'DECISION' and filing is distinct from 'OVERTURNED';
create index case_decision_report on case_decision (report_id, decided_at);
create index report_closable on report (id) where status in ('DECIDED', 'FAST_TRACKED', 'REFERRED');
create index case_decision_filed on case_decision (county_code, decided_at) where filing = 'FILED';
create index case_recommendation_waiting on case_decision (county_code, decided_at) where kind = 'RECOMMENDATION';

-- The chain's top link for ordinary cases: one supervisor per township, beside the county's.
insert into staff_member (user_id, role, region_code, phone)
select 'twpsup-' || code, 'SUPERVISOR', code, '+86 139' || lpad((abs(hashtext('twpsup-' || code)) % 100000000)::text, 8, '0')
from township
on conflict (user_id) do nothing;

-- Published for supervision's queues and statistics.
create view case_step_view as select * from case_step;
create view case_objection_view as select * from case_objection;
create view case_decision_view as select * from case_decision;
