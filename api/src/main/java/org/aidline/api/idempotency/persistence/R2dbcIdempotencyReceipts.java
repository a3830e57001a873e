package org.aidline.api.idempotency.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.api.idempotency.DuplicateReceiptException;
import org.aidline.api.idempotency.IdempotencyClaim;
import org.aidline.api.idempotency.IdempotencyReceipts;
import org.aidline.api.idempotency.Receipt;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Receipts in {@code idempotency_receipt}; the primary key (owner, key) keeps a key to one answer. */
@Repository
public class R2dbcIdempotencyReceipts implements IdempotencyReceipts {

    private final DatabaseClient database;

    R2dbcIdempotencyReceipts(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> record(IdempotencyClaim claim, Receipt receipt, Instant at) {
        return database.sql("""
                        insert into idempotency_receipt (owner, key, fingerprint, report_id, response_status, response_body, created_at)
                        values (:owner, :key, :fingerprint, :report, :status, :body, :at)""")
                .bind("owner", claim.owner())
                .bind("key", claim.key())
                .bind("fingerprint", claim.fingerprint())
                .bind("report", receipt.reportId())
                .bind("status", receipt.status())
                .bind("body", receipt.body())
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .then()
                // Every column is given and valid: the only integrity a receipt can break is its key's uniqueness.
                .onErrorMap(DataIntegrityViolationException.class, DuplicateReceiptException::new);
    }

    @Override
    public Mono<Receipt> find(String owner, String key) {
        return database.sql("select fingerprint, report_id, response_status, response_body from idempotency_receipt "
                        + "where owner = :owner and key = :key")
                .bind("owner", owner)
                .bind("key", key)
                .map(row -> new Receipt(row.get("fingerprint", String.class), row.get("report_id", UUID.class),
                        row.get("response_status", Integer.class), row.get("response_body", String.class)))
                .one();
    }
}
