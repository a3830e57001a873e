-- The people of the registry arrive by the thousand (imports, events, standard changes): their
-- audit events are written per statement from the transition tables (intake V20), one event per row
-- changed as before, instead of a trigger call and an insert per row.
do $$
declare
    audited text;
begin
    foreach audited in array array['household', 'member', 'enrolment']
    loop
        execute format('drop trigger %I on %I', audited || '_audited', audited);
        execute format('create trigger %I after insert on %I referencing new table as new_rows '
                       'for each statement execute function intake.audit_rows_inserted()', audited || '_audited_insert', audited);
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows '
                       'for each statement execute function intake.audit_rows_updated()', audited || '_audited_update', audited);
        execute format('create trigger %I after delete on %I referencing old table as old_rows '
                       'for each statement execute function intake.audit_rows_deleted()', audited || '_audited_delete', audited);
    end loop;
end;
$$;
