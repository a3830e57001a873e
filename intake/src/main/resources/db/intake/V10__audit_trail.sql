-- Issue 5: a tamper-evident audit trail. Every change to the tables below writes an audit event
-- in the same transaction (a trigger): who (the actor the application set for the statement, or
-- the row's own actor column, or 'system'), when, what, the row before and after, and the
-- request id. A sealer then chains the events in commit order: each carries the HMAC-SHA256 of
-- its content and of the previous event's hash, so an edit, a deletion or an insertion in the
-- middle breaks the chain at that event. Sealing after commit keeps intake from queueing on one
-- chain head; events wait for it for about a second.
create extension if not exists pgcrypto;

create table audit_event (
    id          bigserial primary key,
    -- The writing transaction: only events of finished transactions are sealed, in id order.
    tx          bigint not null default txid_current(),
    at          timestamptz not null default clock_timestamp(),
    actor       text not null,
    request_id  text,
    entity_type text not null,
    entity_id   text not null,
    action      text not null,
    county_code char(6),
    before      jsonb,
    after       jsonb,
    chain_seq   bigint unique,
    prev_hash   bytea,
    hash        bytea
);

create index audit_event_unsealed on audit_event (id) where chain_seq is null;
create index audit_event_entity on audit_event (entity_type, entity_id, id);
create index audit_event_actor on audit_event (actor, id);
create index audit_event_at on audit_event (at, id);
create index audit_event_county on audit_event (county_code, id);

-- Append-only: no deletion, and the only update is the sealing of an unsealed event.
create function audit_event_append_only() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.chain_seq is not null
       or (old.id, old.tx, old.at, old.actor, old.request_id, old.entity_type, old.entity_id, old.action, old.county_code,
           old.before, old.after)
          is distinct from
          (new.id, new.tx, new.at, new.actor, new.request_id, new.entity_type, new.entity_id, new.action, new.county_code,
           new.before, new.after) then
        raise exception 'audit events are append-only' using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();

create function audit_row_change() returns trigger
language plpgsql as $$
declare
    before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    after_row  jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
    row_now    jsonb := coalesce(after_row, before_row);
    who        text;
begin
    if tg_op = 'UPDATE' and before_row = after_row then
        return null;
    end if;
    who := coalesce(nullif(current_setting('aidline.actor', true), ''),
                    row_now ->> 'actor', row_now ->> 'changed_by', row_now ->> 'decided_by',
                    case when tg_op = 'INSERT' then row_now ->> 'filed_by' end,
                    'system');
    insert into audit_event (actor, request_id, entity_type, entity_id, action, county_code, before, after)
    values (who,
            nullif(current_setting('aidline.request_id', true), ''),
            tg_table_name,
            coalesce(row_now ->> 'id', row_now ->> 'user_id',
                     (row_now ->> 'county_code') || ':' || (row_now ->> 'version'),
                     (row_now ->> 'task_id') || ':' || (row_now ->> 'number'),
                     (row_now ->> 'source') || ':' || (row_now ->> 'flag_id')),
            tg_op,
            -- The county the event belongs to, for auditors of that county: the row's own, else its grant's,
            -- report's or staff member's. Other modules' audited tables carry their county themselves.
            coalesce(row_now ->> 'county_code', left(row_now ->> 'village_code', 6),
                     case when row_now ->> 'region_code' ~ '^[0-9]{6}' then left(row_now ->> 'region_code', 6) end,
                     (select g.county_code from aid_grant g where g.id = (row_now ->> 'grant_id')::uuid),
                     (select r.county_code from report r where r.id = (row_now ->> 'report_id')::uuid),
                     (select left(m.region_code, 6) from staff_member m where m.user_id = row_now ->> 'user_id')),
            before_row,
            after_row);
    return null;
end;
$$;

do $$
declare
    audited text;
begin
    -- Coordinator tasks, escalations and devices are notification's: its own migrations add theirs.
    foreach audited in array array['report', 'aid_grant', 'payment_instruction', 'ledger_entry', 'escalation', 'policy',
                                   'monitoring_flag', 'verification', 'staff_member']
    loop
        execute format('create trigger %I after insert or update or delete on %I '
                       'for each row execute function audit_row_change()', audited || '_audited', audited);
    end loop;
end;
$$;

-- Which key seals the chain (its HMAC of a fixed text, never the key): an instance configured with
-- another key must not seal, or the chain would break at its first event.
create table audit_chain_key (
    only_row    boolean primary key default true check (only_row),
    fingerprint bytea not null
);

-- The canonical text an event's hash covers.
create function audit_payload(p_seq bigint, e audit_event) returns text
language sql immutable as $$
    select concat_ws('|', p_seq, e.id, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), e.actor,
                     coalesce(e.request_id, ''), e.entity_type, e.entity_id, e.action, coalesce(e.county_code, ''),
                     coalesce(e.before::text, ''), coalesce(e.after::text, ''))
$$;

-- Seals the events of finished transactions, in id order, after the last sealed one. One sealer
-- at a time across instances (an advisory lock); returns how many it sealed.
create function seal_audit_events(p_key bytea, p_limit integer) returns integer
language plpgsql as $$
declare
    last_seq  bigint;
    last_hash bytea;
    e         audit_event%rowtype;
    sealed    integer := 0;
    h         bytea;
begin
    insert into audit_chain_key (fingerprint) values (hmac('aidline audit chain key', p_key, 'sha256')) on conflict do nothing;
    if (select fingerprint from audit_chain_key) <> hmac('aidline audit chain key', p_key, 'sha256') then
        raise exception 'this instance''s aidline.audit.chain-key is not the key of the chain: it does not seal'
            using errcode = 'invalid_parameter_value';
    end if;
    if not pg_try_advisory_xact_lock(hashtext('aidline.audit.sealer')) then
        return 0;
    end if;
    select chain_seq, hash into last_seq, last_hash from audit_event where chain_seq is not null order by chain_seq desc limit 1;
    last_seq := coalesce(last_seq, 0);
    for e in
        select * from audit_event
        where chain_seq is null and tx < txid_snapshot_xmin(txid_current_snapshot())
        order by id
        limit p_limit
    loop
        last_seq := last_seq + 1;
        h := hmac(coalesce(last_hash, '\x'::bytea) || convert_to(audit_payload(last_seq, e), 'UTF8'), p_key, 'sha256');
        update audit_event set chain_seq = last_seq, prev_hash = last_hash, hash = h where id = e.id;
        last_hash := h;
        sealed := sealed + 1;
    end loop;
    return sealed;
end;
$$;

-- Walks the chain and names the first event that does not hold: a gap in the numbering (deleted),
-- a previous hash that is not the previous event's (inserted or reordered), or a hash that its
-- content no longer gives (edited).
create function verify_audit_chain(p_key bytea)
returns table (checked bigint, broken_seq bigint, broken_id bigint, reason text)
language plpgsql as $$
declare
    e        audit_event%rowtype;
    expected bigint := 0;
    previous bytea;
begin
    checked := 0;
    for e in select * from audit_event where chain_seq is not null order by chain_seq loop
        expected := expected + 1;
        if e.chain_seq <> expected then
            broken_seq := expected; broken_id := e.id;
            reason := 'event ' || expected || ' is missing (the next is ' || e.chain_seq || ')';
            return next; return;
        end if;
        if e.prev_hash is distinct from previous then
            broken_seq := e.chain_seq; broken_id := e.id;
            reason := 'its previous hash is not the hash of event ' || (e.chain_seq - 1);
            return next; return;
        end if;
        if e.hash is distinct from hmac(coalesce(previous, '\x'::bytea) || convert_to(audit_payload(e.chain_seq, e), 'UTF8'), p_key, 'sha256') then
            broken_seq := e.chain_seq; broken_id := e.id;
            reason := 'its content is not what was sealed';
            return next; return;
        end if;
        previous := e.hash;
        checked := checked + 1;
    end loop;
    broken_seq := null; broken_id := null; reason := null;
    return next;
end;
$$;
