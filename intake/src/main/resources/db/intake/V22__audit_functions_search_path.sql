-- The audit functions name their tables (audit_event, aid_grant, report, staff_member, audit_chain_key) and
-- pgcrypto's hmac without a schema: they worked only for a session whose search_path holds intake, as the
-- service's does. The registry's and notification's row triggers call intake.audit_row_change, so a change
-- made from a session of their own (a DBA's psql with the default search_path, another tool) failed
-- ("relation audit_event does not exist") instead of being audited. Each function now carries its own path.
alter function audit_row_change() set search_path = intake, pg_catalog, pg_temp;
alter function seal_audit_events(bytea, integer) set search_path = intake, pg_catalog, pg_temp;
alter function verify_audit_chain(bytea) set search_path = intake, pg_catalog, pg_temp;
