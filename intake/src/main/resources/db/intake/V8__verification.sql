-- Means-test verification against outside registries (12 departments, 36 banks), after the grant.

-- The catalogue of verification items: 48 items in 19 categories from 12 departments and the banks
-- (labels are ours; the shape is the source article's).
create table verification_item (
    code       text primary key,
    category   text not null,
    department text not null
);

insert into verification_item (code, category, department) values
    ('HOUSEHOLD_REGISTRATION', 'HOUSEHOLD', 'PUBLIC_SECURITY'),
    ('HOUSEHOLD_MEMBERS', 'HOUSEHOLD', 'PUBLIC_SECURITY'),
    ('DEATH_REGISTRATION', 'HOUSEHOLD', 'PUBLIC_SECURITY'),
    ('MOTOR_VEHICLES', 'VEHICLES', 'PUBLIC_SECURITY'),
    ('NON_MOTOR_VEHICLES', 'VEHICLES', 'PUBLIC_SECURITY'),
    ('REAL_ESTATE_TITLES', 'REAL_ESTATE', 'NATURAL_RESOURCES'),
    ('REAL_ESTATE_TRANSACTIONS', 'REAL_ESTATE', 'NATURAL_RESOURCES'),
    ('RURAL_LAND_CONTRACTS', 'REAL_ESTATE', 'NATURAL_RESOURCES'),
    ('BUSINESS_REGISTRATION', 'BUSINESS', 'MARKET_REGULATION'),
    ('BUSINESS_SHAREHOLDING', 'BUSINESS', 'MARKET_REGULATION'),
    ('INDIVIDUAL_BUSINESS', 'BUSINESS', 'MARKET_REGULATION'),
    ('WAGE_INCOME', 'INCOME', 'TAXATION'),
    ('BUSINESS_INCOME', 'INCOME', 'TAXATION'),
    ('PROPERTY_INCOME', 'INCOME', 'TAXATION'),
    ('PERSONAL_INCOME_TAX', 'INCOME', 'TAXATION'),
    ('PENSION_INSURANCE', 'SOCIAL_INSURANCE', 'HUMAN_RESOURCES'),
    ('UNEMPLOYMENT_INSURANCE', 'SOCIAL_INSURANCE', 'HUMAN_RESOURCES'),
    ('WORK_INJURY_INSURANCE', 'SOCIAL_INSURANCE', 'HUMAN_RESOURCES'),
    ('PENSION_PAYMENTS', 'PENSION', 'HUMAN_RESOURCES'),
    ('UNEMPLOYMENT_BENEFIT', 'UNEMPLOYMENT', 'HUMAN_RESOURCES'),
    ('EMPLOYMENT_REGISTRATION', 'UNEMPLOYMENT', 'HUMAN_RESOURCES'),
    ('HOUSING_PROVIDENT_FUND', 'PROVIDENT_FUND', 'HOUSING'),
    ('PUBLIC_HOUSING', 'PROVIDENT_FUND', 'HOUSING'),
    ('MEDICAL_INSURANCE', 'MEDICAL', 'MEDICAL_SECURITY'),
    ('MEDICAL_EXPENSES', 'MEDICAL', 'MEDICAL_SECURITY'),
    ('DISABILITY_CERTIFICATE', 'DISABILITY', 'DISABLED_PERSONS_FEDERATION'),
    ('MARRIAGE_REGISTRATION', 'CIVIL_STATUS', 'CIVIL_AFFAIRS'),
    ('MINIMUM_LIVING_ALLOWANCE', 'ASSISTANCE', 'CIVIL_AFFAIRS'),
    ('EXTREME_POVERTY_SUPPORT', 'ASSISTANCE', 'CIVIL_AFFAIRS'),
    ('TEMPORARY_AID_HISTORY', 'ASSISTANCE', 'CIVIL_AFFAIRS'),
    ('COURT_JUDGEMENTS', 'COURTS', 'COURTS'),
    ('ENFORCEMENT_DEBTORS', 'COURTS', 'COURTS'),
    ('CURRENT_DEPOSITS', 'DEPOSITS', 'BANKS'),
    ('TIME_DEPOSITS', 'DEPOSITS', 'BANKS'),
    ('WEALTH_MANAGEMENT', 'FINANCIAL_PRODUCTS', 'BANKS'),
    ('FUNDS', 'FINANCIAL_PRODUCTS', 'BANKS'),
    ('TRUST_PRODUCTS', 'FINANCIAL_PRODUCTS', 'BANKS'),
    ('LOANS', 'FINANCIAL_PRODUCTS', 'BANKS'),
    ('CREDIT_CARDS', 'FINANCIAL_PRODUCTS', 'BANKS'),
    ('SECURITIES_ACCOUNTS', 'SECURITIES', 'FINANCIAL_REGULATION'),
    ('STOCK_HOLDINGS', 'SECURITIES', 'FINANCIAL_REGULATION'),
    ('BOND_HOLDINGS', 'SECURITIES', 'FINANCIAL_REGULATION'),
    ('COMMERCIAL_LIFE_INSURANCE', 'INSURANCE', 'FINANCIAL_REGULATION'),
    ('COMMERCIAL_PROPERTY_INSURANCE', 'INSURANCE', 'FINANCIAL_REGULATION'),
    ('PUBLIC_SERVANT_STATUS', 'EMPLOYMENT', 'HUMAN_RESOURCES'),
    ('STATE_ENTERPRISE_EMPLOYMENT', 'EMPLOYMENT', 'HUMAN_RESOURCES'),
    ('FUNERAL_SUBSIDY', 'CIVIL_STATUS', 'CIVIL_AFFAIRS'),
    ('MILITARY_PENSION', 'PENSION', 'VETERANS_AFFAIRS');

-- One search per grant and registry; the grant's own verification_status sums them up.
create table verification (
    id              uuid primary key,
    grant_id        uuid not null references aid_grant (id),
    registry        text not null,
    status          text not null check (status in ('PENDING', 'SENDING', 'CLEAR', 'FLAGGED', 'UNAVAILABLE')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    findings        jsonb not null default '[]',
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint verification_once_per_registry unique (grant_id, registry)
);

create index verification_due on verification (next_attempt_at) where status in ('PENDING', 'SENDING');

alter table aid_grant add column verification_status text not null default 'NOT_STARTED'
    check (verification_status in ('NOT_STARTED', 'PENDING', 'CLEAR', 'FLAGGED', 'UNAVAILABLE'));

create index aid_grant_verification_to_start on aid_grant (created_at)
    where verification_status = 'NOT_STARTED' and household_key is not null;
create index aid_grant_verification_flagged on aid_grant (county_code) where verification_status = 'FLAGGED';
