package org.aidline.registry.disbursement.persistence;

import java.util.UUID;
import org.aidline.registry.disbursement.PayoutProgress;
import org.aidline.registry.disbursement.RunProgress;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Progress from payout_unit and payout_batch: counters kept by the statements that grant and record. */
public class R2dbcPayoutProgress implements PayoutProgress {

    private final DatabaseClient database;

    public R2dbcPayoutProgress(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<RunProgress> of(UUID runId) {
        Mono<java.util.List<RunProgress.County>> counties = database.sql("""
                        select county_code, status, persons, amount_fen, back_pays, back_pay_fen
                        from payout_unit where run_id = :run order by county_code""")
                .bind("run", runId)
                .map((row, metadata) -> new RunProgress.County(row.get("county_code", String.class),
                        "DONE".equals(row.get("status", String.class)), row.get("persons", Integer.class),
                        row.get("amount_fen", Long.class), row.get("back_pays", Integer.class), row.get("back_pay_fen", Long.class)))
                .all().collectList();
        Mono<RunProgress.Bank> bank = database.sql("""
                        select count(*) as batches, count(*) filter (where status = 'DONE') as done,
                               cast(coalesce(sum(size), 0) as bigint) as instructed, cast(coalesce(sum(amount_fen), 0) as bigint) as instructed_fen,
                               cast(coalesce(sum(paid), 0) as bigint) as paid, cast(coalesce(sum(paid_fen), 0) as bigint) as paid_fen,
                               cast(coalesce(sum(failed), 0) as bigint) as failed, cast(coalesce(sum(failed_fen), 0) as bigint) as failed_fen
                        from payout_batch where run_id = :run""")
                .bind("run", runId)
                .map((row, metadata) -> new RunProgress.Bank(row.get("batches", Long.class).intValue(),
                        row.get("done", Long.class).intValue(), row.get("instructed", Long.class).intValue(),
                        row.get("instructed_fen", Long.class), row.get("paid", Long.class).intValue(),
                        row.get("paid_fen", Long.class), row.get("failed", Long.class).intValue(),
                        row.get("failed_fen", Long.class)))
                .one();
        return Mono.zip(counties, bank, RunProgress::new);
    }
}
