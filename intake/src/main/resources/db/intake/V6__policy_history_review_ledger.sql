-- Policy as an append-only history, supervisor review of grants, and the ledger's read path.

-- A policy change is a new version; an old version is what earlier decisions used, so it never changes.
alter table policy
    add constraint policy_version_positive check (version >= 1),
    add constraint policy_reason_given check (btrim(reason) <> ''),
    add constraint policy_intervals_positive check (
        documents_deadline > interval '0' and frequency_window > interval '0'
        and urgent_acknowledgement > interval '0' and normal_acknowledgement > interval '0');

create trigger policy_append_only before update or delete on policy
    for each row execute function refuse_change_of_append_only();

-- A revoked grant owes nothing: amount_fen is always the current entitlement, so the entitlement
-- entries of the ledger (GRANT + ADJUSTMENT + REVOCATION) of a county sum exactly to its grants' amount_fen.
alter table aid_grant
    add constraint revoked_grant_owes_nothing check (status <> 'REVOKED' or (amount_fen = 0 and awaiting_approval_fen = 0));

create index if not exists aid_grant_awaiting_approval on aid_grant (county_code) where awaiting_approval_fen > 0;

-- The ledger is read by county in append order, page after page.
create index if not exists ledger_entry_county_id on ledger_entry (county_code, id);

create index if not exists payment_instruction_grant on payment_instruction (grant_id);
