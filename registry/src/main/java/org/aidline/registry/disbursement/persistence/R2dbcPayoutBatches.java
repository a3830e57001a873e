package org.aidline.registry.disbursement.persistence;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aidline.registry.disbursement.ClaimedBatch;
import org.aidline.registry.disbursement.ItemResult;
import org.aidline.registry.disbursement.PayoutBatches;
import org.aidline.registry.disbursement.PayoutItem;
import org.aidline.registry.disbursement.PayoutSource;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bank batches in PostgreSQL: SKIP LOCKED claims, and each answer recorded in one statement under the claim. */
public class R2dbcPayoutBatches implements PayoutBatches {

    private static final String CLAIM = """
            with due as (
                select id from payout_batch
                where status <> 'DONE' and next_attempt_at <= :now
                order by next_attempt_at
                limit :limit
                for update skip locked)
            update payout_batch b set status = 'SENDING', claim = :claim, next_attempt_at = :leaseUntil, updated_at = :now
            from due where b.id = due.id
            returning b.id, b.run_id, b.source, b.county_code, b.attempts
            """;

    // Only under the claim; a payout already PAID or FAILED keeps its status (a late answer changes nothing).
    private static final String RECORD = """
            with held as (
                select id from payout_batch where id = :batch and claim = :claim for update),
            changed as (
                update payout p set status = r.status, last_error = nullif(r.error, ''), updated_at = :now
                from unnest(cast(:ids as bigint[]), cast(:statuses as text[]), cast(:errors as text[])) as r(id, status, error), held
                where p.id = r.id and p.batch_id = held.id and p.status in ('PENDING', 'SENT')
                returning p.status, p.amount_fen),
            counted as (
                select count(*) filter (where status = 'PAID') as paid, coalesce(sum(amount_fen) filter (where status = 'PAID'), 0) as paid_fen,
                       count(*) filter (where status = 'FAILED') as failed, coalesce(sum(amount_fen) filter (where status = 'FAILED'), 0) as failed_fen,
                       count(*) filter (where status in ('PENDING', 'SENT')) as still_open
                from changed)
            update payout_batch b set
                paid = b.paid + counted.paid, paid_fen = b.paid_fen + counted.paid_fen,
                failed = b.failed + counted.failed, failed_fen = b.failed_fen + counted.failed_fen,
                status = case when b.paid + counted.paid + b.failed + counted.failed >= b.size then 'DONE' else 'SENT' end,
                attempts = b.attempts + 1, claim = null, next_attempt_at = :next, last_error = :error, updated_at = :now
            from counted, held
            where b.id = held.id
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcPayoutBatches(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Flux<ClaimedBatch> claimDue(Instant now, Duration lease, int limit) {
        UUID claim = UUID.randomUUID();
        return database.sql(CLAIM)
                .bind("now", R2dbcPayoutUnits.utc(now))
                .bind("leaseUntil", R2dbcPayoutUnits.utc(now.plus(lease)))
                .bind("claim", claim)
                .bind("limit", limit)
                .map((row, metadata) -> new ClaimedBatch(row.get("id", Long.class), row.get("run_id", UUID.class),
                        PayoutSource.valueOf(row.get("source", String.class)), row.get("county_code", String.class), claim,
                        row.get("attempts", Integer.class)))
                .all();
    }

    @Override
    public Flux<PayoutItem> openItems(ClaimedBatch batch) {
        return database.sql("select id, amount_fen, payee_key, status from payout where batch_id = :batch and status in ('PENDING', 'SENT') order by id")
                .bind("batch", batch.id())
                .map((row, metadata) -> {
                    ByteBuffer key = row.get("payee_key", ByteBuffer.class);
                    byte[] payee = new byte[key.remaining()];
                    key.get(payee);
                    return new PayoutItem(row.get("id", Long.class), row.get("amount_fen", Long.class), payee,
                            "SENT".equals(row.get("status", String.class)));
                })
                .all();
    }

    @Override
    public Mono<Boolean> record(ClaimedBatch batch, List<ItemResult> results, Instant nextAttemptAt, @Nullable String error, Instant now) {
        Long[] ids = results.stream().map(ItemResult::payoutId).toArray(Long[]::new);
        String[] statuses = results.stream().map(ItemResult::status).toArray(String[]::new);
        String[] errors = results.stream().map(result -> result.error() == null ? "" : result.error()).toArray(String[]::new);
        var spec = database.sql(RECORD)
                .bind("batch", batch.id())
                .bind("claim", batch.claim())
                .bind("ids", ids)
                .bind("statuses", statuses)
                .bind("errors", errors)
                .bind("now", R2dbcPayoutUnits.utc(now))
                .bind("next", R2dbcPayoutUnits.utc(nextAttemptAt));
        spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", error);
        return spec.fetch().rowsUpdated().map(updated -> updated == 1).as(transactions::transactional);
    }
}
