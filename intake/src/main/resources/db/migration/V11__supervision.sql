-- Issue 5: supervisors' work queues, statistics and exports read what earlier migrations index
-- (grants by county and status, flagged verifications, failed payments, dead letters, the ledger by
-- county and time, reports by county and filing time). Three reads had no index of their own.

-- The escalations queue: tasks escalated (or with nobody left to escalate to) and still unacknowledged, by county.
create index coordinator_task_escalated on coordinator_task (county_code, acknowledge_by)
    where status = 'ASSIGNED' and (escalations > 0 or escalation_exhausted);

-- grants.csv walks a county's grants in the order they were made, without a sort before the first row.
create index aid_grant_county_created on aid_grant (county_code, created_at, id);

-- Time to grant: each grant's first PAYMENT entry, read from the index alone (a tenth of the ledger).
create index ledger_entry_first_payment on ledger_entry (grant_id, at) where kind = 'PAYMENT';
