-- Supervision's escalations queue: tasks escalated (or with nobody left to escalate to) and still
-- unacknowledged, by county.
create index coordinator_task_escalated on coordinator_task (county_code, acknowledge_by)
    where status = 'ASSIGNED' and (escalations > 0 or escalation_exhausted);

-- Published views: the only way other modules (supervision) read notification's tables.
create view task_assignment_view as
select id, report_id, village_code, county_code, urgent, status, assignee, escalations,
       escalation_exhausted, acknowledge_by, acknowledged_at, created_at
from coordinator_task;

create view dead_letter_view as
select n.id as notification_id, n.task_id, t.report_id, t.village_code, t.county_code, t.urgent,
       t.status as task_status, n.recipient, n.channel, n.last_response, n.created_at, n.failed_at
from notification n join coordinator_task t on t.id = n.task_id
where n.status = 'FAILED';
