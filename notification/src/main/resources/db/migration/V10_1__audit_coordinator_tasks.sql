-- The audit trail (V10) covers assignment, acknowledgement, escalation and device tokens too.
create trigger coordinator_task_audited after insert or update or delete on coordinator_task
    for each row execute function audit_row_change();
create trigger task_escalation_audited after insert or update or delete on task_escalation
    for each row execute function audit_row_change();
create trigger device_audited after insert or update or delete on device
    for each row execute function audit_row_change();
