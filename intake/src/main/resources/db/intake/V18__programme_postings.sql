-- Issue 13: the registry's payrolls and campaigns post to the fund ledger, through intake's
-- ProgrammePostings (the registry may not write this table). Their entries are per county and run,
-- the sum of the payouts one statement made: no grant of intake stands behind them.
alter table ledger_entry alter column grant_id drop not null;
alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check
    check (kind in ('GRANT', 'ADJUSTMENT', 'REVOCATION', 'PAYMENT', 'RECOVERY', 'PAYROLL', 'CAMPAIGN'));
-- Every entry of intake's own kinds still names its grant; a programme's never does, but names its run.
alter table ledger_entry add constraint ledger_entry_grant_or_programme
    check (case when kind in ('PAYROLL', 'CAMPAIGN') then grant_id is null and reference is not null else grant_id is not null end);

-- A run's entries are summed by reference (the registry's GET of a payroll or campaign).
create index ledger_entry_programme_reference on ledger_entry (reference) where kind in ('PAYROLL', 'CAMPAIGN');
