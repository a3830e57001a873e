-- Documents later: why a waiting grant was cancelled, the supervisors' list of grants by due
-- date, and the escalations of overdue documents.

-- Set when a grant is cancelled before any money moved (the identity recorded at the visit
-- showed the household already had its fast-track grant in the window).
alter table aid_grant add column cancellation_reason text;

-- Supervisors list grants of a status oldest due first, page by page.
create index aid_grant_status_due on aid_grant (status, documents_due_at, id);

-- Who was asked to act on a grant, when and why. One row per grant and reason: a second sweep
-- can never escalate the same overdue grant again.
create table escalation (
    id           bigint generated always as identity primary key,
    grant_id     uuid not null references aid_grant (id),
    report_id    uuid not null references report (id),
    escalated_to text not null,
    reason       text not null,
    at           timestamptz not null,
    constraint escalation_once unique (grant_id, reason)
);

create index escalation_to_newest on escalation (escalated_to, at desc);
