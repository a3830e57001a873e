-- What checking a suspicious-data flag found (issue 13, item 7): recorded once on the flag, by a
-- county supervisor, with the programme and new amount it concerns; the registry applies it to the
-- person's enrolments from the FlagOutcomeRecorded event (monitoring_flag is audited since V10).
alter table monitoring_flag
    add column outcome            text check (outcome in ('CLEARED', 'SUSPENDED', 'ENDED', 'AMOUNT_CHANGED')),
    add column outcome_programme  text,
    add column outcome_amount_fen bigint check (outcome_amount_fen >= 0),
    add column outcome_note       text,
    add column outcome_by         text,
    add column outcome_at         timestamptz,
    add constraint monitoring_flag_outcome_complete
        check ((outcome is null) = (outcome_by is null) and (outcome is null) = (outcome_at is null));
