-- Paying out: payment instructions are claimed by dispatchers (any instance) under a lease, sent
-- to the bank payment gateway and, once the gateway confirms, ledgered exactly once.

-- PENDING: due at next_attempt_at; SENDING: claimed by a dispatcher until next_attempt_at (the
-- lease); SENT: the gateway has it and will answer later (callback), checked again at
-- next_attempt_at; PAID: final; FAILED: refused for good, waiting for a supervisor.
alter table payment_instruction
    add column claim uuid,
    add constraint payment_instruction_status check (status in ('PENDING', 'SENDING', 'SENT', 'PAID', 'FAILED'));

drop index payment_instruction_due;
create index payment_instruction_due on payment_instruction (next_attempt_at) where status in ('PENDING', 'SENDING', 'SENT');
create index payment_instruction_status_newest on payment_instruction (status, created_at desc, id desc);
create index payment_instruction_grant on payment_instruction (grant_id);

-- Money moved is ledgered once per instruction: even a bug that marked an instruction paid twice
-- could not add a second PAYMENT or RECOVERY entry for it.
alter table ledger_entry add column payment_instruction_id uuid references payment_instruction (id);
create unique index ledger_entry_one_per_instruction on ledger_entry (payment_instruction_id)
    where payment_instruction_id is not null;
