package org.aidline.registry.disbursement;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * How a kind of run makes its payouts for one county, in one set-based statement that the
 * database's unique indexes keep from paying anyone twice; the caller's transaction carries it.
 */
public interface Granter {

    PayoutSource source();

    Mono<Granted> grant(PayoutUnit unit, Instant now);

    /** Marks COMPLETED the runs whose units are done and whose batches the bank has answered for good. */
    Mono<Long> completeFinished(Instant now);
}
