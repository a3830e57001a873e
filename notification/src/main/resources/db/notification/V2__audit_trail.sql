-- The audit trail (intake's, published as intake.audit_row_change) covers assignment,
-- acknowledgement, escalation, availability and device tokens too.
create trigger coordinator_task_audited after insert or update or delete on coordinator_task
    for each row execute function intake.audit_row_change();
create trigger task_escalation_audited after insert or update or delete on task_escalation
    for each row execute function intake.audit_row_change();
create trigger device_audited after insert or update or delete on device
    for each row execute function intake.audit_row_change();
create trigger staff_availability_audited after insert or update or delete on staff_availability
    for each row execute function intake.audit_row_change();
