-- The application's own tables, in schema api: what HTTP needs, not what the domain knows.

-- The durable half of idempotency: Redis answers retries fast, this unique key makes sure a Redis
-- outage or eviction can never turn a retry into a second report. Written in the filing's own
-- transaction, so a receipt exists exactly when its report does. The report is intake's: referred
-- to by id only (no foreign key across modules).
create table idempotency_receipt (
    owner           text not null,
    key             text not null,
    fingerprint     text not null,
    report_id       uuid not null,
    response_status integer not null,
    response_body   text not null,
    created_at      timestamptz not null,
    constraint idempotency_receipt_pk primary key (owner, key)
);

-- The development issuer's signing key, shared by every instance on one database. Never used
-- when an external OAuth2 issuer is configured.
create table dev_signing_key (
    id         text primary key,
    jwk        text not null,
    created_at timestamptz not null default now()
);
