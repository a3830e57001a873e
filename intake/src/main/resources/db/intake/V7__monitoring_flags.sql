-- Suspicious-data flags from the provincial monitoring platform (MISSION.md: 92,000+ were sent
-- down to the counties). Each flag files one report for the village coordinator to check; the
-- platform's id, unique per source, keeps a repeated or concurrent upload from filing it twice.
create table monitoring_flag (
    source      text not null,
    flag_id     text not null,
    report_id   uuid not null unique references report (id),
    detected_at timestamptz,
    received_by text not null,
    received_at timestamptz not null,
    constraint monitoring_flag_pk primary key (source, flag_id)
);
