-- Issue 11: a case that belongs (also) to another department or a charity is referred to it and
-- followed until it answers. Partners are reference data; how a webhook partner is reached (its URL
-- and signing secret) is configuration, never stored here.

create table partner (
    code    text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name    text not null,
    name_zh text not null,
    kind    text not null check (kind in ('DEPARTMENT', 'CHARITY')),
    channel text not null check (channel in ('WEBHOOK', 'MANUAL'))
);

insert into partner (code, name, name_zh, kind, channel) values
    ('MEDICAL_INSURANCE',           'Medical Security Bureau',                       '医疗保障局',         'DEPARTMENT', 'MANUAL'),
    ('EDUCATION',                   'Education Bureau (student aid)',                '教育局（学生资助）', 'DEPARTMENT', 'MANUAL'),
    ('HOUSING',                     'Housing and Urban-Rural Development Bureau',    '住房和城乡建设局',   'DEPARTMENT', 'MANUAL'),
    ('HUMAN_RESOURCES',             'Human Resources and Social Security Bureau',    '人力资源和社会保障局', 'DEPARTMENT', 'MANUAL'),
    ('DISABLED_PERSONS_FEDERATION', 'Disabled Persons'' Federation',                 '残疾人联合会',       'DEPARTMENT', 'MANUAL'),
    ('CHARITY_FEDERATION',          'Charity Federation',                            '慈善总会',           'CHARITY',    'WEBHOOK'),
    ('RED_CROSS',                   'Red Cross Society',                             '红十字会',           'CHARITY',    'WEBHOOK');

-- A referral's row is also its outbox entry: written by the statement that refers, so a referral
-- is delivered once it commits and never lost; claimed with SKIP LOCKED by one instance at a time.
create table referral (
    id                  uuid primary key,
    report_id           uuid not null references report (id),
    partner_code        text not null references partner (code),
    county_code         char(6) not null,
    village_code        char(12) not null,
    reason              text not null,
    status              text not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'DONE')),
    referred_by         text not null,
    referred_at         timestamptz not null,
    answer_due_at       timestamptz not null,
    escalated_at        timestamptz,
    answered_by         text,
    answered_at         timestamptz,
    note                text,
    amount_fen          bigint check (amount_fen > 0),
    delivery            text not null check (delivery in ('MANUAL', 'PENDING', 'SENT', 'FAILED')),
    delivery_attempts   integer not null default 0,
    next_delivery_at    timestamptz,
    delivery_claimed_until timestamptz,
    delivered_at        timestamptz,
    last_delivery_error text,
    version             integer not null default 0,
    check ((status = 'OPEN') = (answered_at is null)),
    check (amount_fen is null or status = 'DONE')
);

-- One open referral per partner and report: a repeated request finds it and is refused.
create unique index referral_open_once on referral (report_id, partner_code) where status in ('OPEN', 'ACCEPTED');
create index referral_report on referral (report_id, referred_at);
create index referral_delivery_due on referral (next_delivery_at) where delivery = 'PENDING';
create index referral_unanswered on referral (answer_due_at) where status = 'OPEN' and escalated_at is null;
create index referral_waiting on referral (county_code, referred_at) where status in ('OPEN', 'ACCEPTED');

create view partner_view as select * from partner;
create view referral_view as select * from referral;
