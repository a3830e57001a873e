package org.aidline.registry.disbursement.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.registry.disbursement.Granted;
import org.aidline.registry.disbursement.PayoutSource;
import org.aidline.registry.disbursement.PayoutUnit;
import org.aidline.registry.disbursement.PayoutUnits;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Units in PostgreSQL: claimed with SKIP LOCKED, finished only under the claim that took them. */
public class R2dbcPayoutUnits implements PayoutUnits {

    private static final String CLAIM = """
            with due as (
                select run_id, county_code from payout_unit
                where status = 'PENDING' and (lease_until is null or lease_until <= :now)
                order by lease_until nulls first, run_id, county_code
                limit 1
                for update skip locked)
            update payout_unit u set claim = :claim, lease_until = :leaseUntil, updated_at = :now
            from due where u.run_id = due.run_id and u.county_code = due.county_code
            returning u.source, u.run_id, u.county_code
            """;

    // Numbered in id order, cut every :size; each batch names its id range, by which its payouts are then marked.
    private static final String FORM_BATCHES = """
            with numbered as (
                select p.id, p.amount_fen, (row_number() over (order by p.id) - 1) / :size as n
                from payout p where p.run_id = :run and p.county_code = :county and p.batch_id is null),
            batches as (
                insert into payout_batch (run_id, source, county_code, first_payout_id, last_payout_id, size, amount_fen, status,
                                          next_attempt_at, created_at, updated_at)
                select :run, :source, :county, min(id), max(id), count(*), sum(amount_fen), 'PENDING', :now, :now, :now
                from numbered group by n
                returning id, first_payout_id, last_payout_id),
            marked as (
                update payout p set batch_id = b.id
                from batches b
                where p.run_id = :run and p.county_code = :county and p.batch_id is null
                  and p.id between b.first_payout_id and b.last_payout_id
                returning p.id)
            select (select count(*) from batches) as batches
            """;

    private static final String FINISH = """
            update payout_unit set status = 'DONE', claim = null, lease_until = null, updated_at = :now,
                persons = persons + :payments, amount_fen = amount_fen + :paymentsFen,
                back_pays = back_pays + :backPays, back_pay_fen = back_pay_fen + :backPaysFen
            where run_id = :run and county_code = :county and claim = :claim and status = 'PENDING'
            """;

    private final DatabaseClient database;

    public R2dbcPayoutUnits(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<PayoutUnit> claim(Instant now, Duration lease) {
        UUID claim = UUID.randomUUID();
        return database.sql(CLAIM)
                .bind("now", utc(now))
                .bind("leaseUntil", utc(now.plus(lease)))
                .bind("claim", claim)
                .map((row, metadata) -> new PayoutUnit(PayoutSource.valueOf(row.get("source", String.class)),
                        row.get("run_id", UUID.class), row.get("county_code", String.class), claim))
                .one();
    }

    @Override
    public Mono<Long> formBatches(PayoutUnit unit, int size, Instant now) {
        return database.sql(FORM_BATCHES)
                .bind("size", size)
                .bind("run", unit.runId())
                .bind("source", unit.source().name())
                .bind("county", unit.countyCode())
                .bind("now", utc(now))
                .map((row, metadata) -> row.get("batches", Long.class))
                .one();
    }

    @Override
    public Mono<Boolean> finish(PayoutUnit unit, Granted granted, Instant now) {
        return database.sql(FINISH)
                .bind("now", utc(now))
                .bind("payments", granted.payments())
                .bind("paymentsFen", granted.paymentsFen())
                .bind("backPays", granted.backPays())
                .bind("backPaysFen", granted.backPaysFen())
                .bind("run", unit.runId())
                .bind("county", unit.countyCode())
                .bind("claim", unit.claim())
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
