package org.aidline.api.idempotency;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** The durable receipts of idempotent requests, in PostgreSQL (schema api). */
public interface IdempotencyReceipts {

    /** Records the answer under the claim; errors with {@link DuplicateReceiptException} if the key has a receipt. */
    Mono<Void> record(IdempotencyClaim claim, Receipt receipt, Instant at);

    Mono<Receipt> find(String owner, String key);
}
