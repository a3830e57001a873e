-- Issue 5: supervisors' work queues, statistics and exports read what earlier migrations index
-- (grants by county and status, flagged verifications, failed payments, dead letters, the ledger by
-- county and time, reports by county and filing time). Two reads had no index of their own
-- (the escalations queue's index is notification's).

-- grants.csv walks a county's grants in the order they were made, without a sort before the first row.
create index aid_grant_county_created on aid_grant (county_code, created_at, id);

-- Time to grant: each grant's first PAYMENT entry, read from the index alone (a tenth of the ledger).
create index ledger_entry_first_payment on ledger_entry (grant_id, at) where kind = 'PAYMENT';
