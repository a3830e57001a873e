-- The audit trail for tables written in bulk (the registry's imports: thousands of people a
-- statement): the same events as audit_row_change, one per row changed, but written by one insert
-- per statement from its transition tables instead of one trigger call and one insert per row.
-- A table that uses it has an id column (rows are paired by it) and its county in county_code or
-- village_code. Rows an UPDATE left as they were give no event, as with the row-level function.
create function audit_rows_inserted() returns trigger
language plpgsql as $$
begin
    insert into intake.audit_event (actor, request_id, entity_type, entity_id, action, county_code, before, after)
    select coalesce(nullif(current_setting('aidline.actor', true), ''), 'system'), nullif(current_setting('aidline.request_id', true), ''),
           tg_table_name, r ->> 'id', 'INSERT', coalesce(r ->> 'county_code', left(r ->> 'village_code', 6)), null, r
    from (select to_jsonb(n) as r from new_rows n) changed;
    return null;
end;
$$;

create function audit_rows_updated() returns trigger
language plpgsql as $$
begin
    insert into intake.audit_event (actor, request_id, entity_type, entity_id, action, county_code, before, after)
    select coalesce(nullif(current_setting('aidline.actor', true), ''), 'system'), nullif(current_setting('aidline.request_id', true), ''),
           tg_table_name, a ->> 'id', 'UPDATE', coalesce(a ->> 'county_code', left(a ->> 'village_code', 6)), b, a
    from (select to_jsonb(o) as b, to_jsonb(n) as a from old_rows o join new_rows n on n.id = o.id) changed
    where b <> a;
    return null;
end;
$$;

create function audit_rows_deleted() returns trigger
language plpgsql as $$
begin
    insert into intake.audit_event (actor, request_id, entity_type, entity_id, action, county_code, before, after)
    select coalesce(nullif(current_setting('aidline.actor', true), ''), 'system'), nullif(current_setting('aidline.request_id', true), ''),
           tg_table_name, b ->> 'id', 'DELETE', coalesce(b ->> 'county_code', left(b ->> 'village_code', 6)), b, null
    from (select to_jsonb(o) as b from old_rows o) changed;
    return null;
end;
$$;
