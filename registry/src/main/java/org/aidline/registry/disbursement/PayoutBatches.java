package org.aidline.registry.disbursement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The bank batches: claimed under a lease, their open payouts read, the bank's answers recorded. */
public interface PayoutBatches {

    Flux<ClaimedBatch> claimDue(Instant now, Duration lease, int limit);

    /** The batch's payouts not yet PAID or FAILED. */
    Flux<PayoutItem> openItems(ClaimedBatch batch);

    /**
     * The results, in one transaction guarded by the claim: each payout's status, the batch's counts,
     * and the batch DONE when nothing is open, else due again at {@code nextAttemptAt}.
     */
    Mono<Boolean> record(ClaimedBatch batch, List<ItemResult> results, Instant nextAttemptAt, @Nullable String error, Instant now);
}
