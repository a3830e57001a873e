-- Work orders' on-time figures and the supervisors' pending-extensions queue (issue 12): supervision
-- reads the clocks, chases and extensions through published views only. Columns are added to
-- task_assignment_view at its end: PostgreSQL replaces a view only when the old columns keep their places.
create or replace view task_assignment_view as
select id, report_id, village_code, county_code, urgent, status, assignee, escalations,
       escalation_exhausted, acknowledge_by, acknowledged_at, created_at,
       round, sent_back, sign_for_by, handle_by, completed_at, closed_as_duplicate,
       sign_for_yellow_at, handle_yellow_at, extensions_granted, extended_working_days
from coordinator_task;

create view task_extension_view as
select id, task_id, county_code, working_days, reason, asked_by, asked_at, status, decided_by, decided_at,
       handle_by_before, handle_by_after
from task_extension;

create view task_chase_view as
select id, task_id, county_code, at, actor, automatic, missed, deadline, assignee
from task_chase;

-- The pending-extensions queue reads a county's waiting extensions; statistics join extensions to the period's tasks.
create index task_extension_pending on task_extension (county_code, asked_at) where status = 'PENDING';
create index task_extension_task on task_extension (task_id);

-- The 12345 exchange in the audit trail: which platform order is linked to which report, and every
-- change queued for the platform with its attempts and outcome. The trail names an entity by its
-- id and files it under its county: an order is named by its number; a delivery carries its order's
-- county (filled by the statements that queue it, from the order they join).
alter table platform_work_order add column id text generated always as (order_number) stored;

alter table platform_delivery add column county_code char(6);
update platform_delivery d set county_code = w.county_code from platform_work_order w where w.order_number = d.order_number;
alter table platform_delivery alter column county_code set not null;

create trigger platform_work_order_audited after insert or update or delete on platform_work_order
    for each row execute function intake.audit_row_change();
create trigger platform_delivery_audited after insert or update or delete on platform_delivery
    for each row execute function intake.audit_row_change();
-- platform_task_position is not audited: it is the follower's reading position, moved on every
-- poll, and holds no change of a work order (each one it passes is a platform_delivery row).
