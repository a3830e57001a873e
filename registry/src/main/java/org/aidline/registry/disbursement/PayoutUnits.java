package org.aidline.registry.disbursement;

import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The counties of runs still to grant, claimed one at a time under a lease. */
public interface PayoutUnits {

    /** A pending unit whose lease (if any) has ended, now held by this claim; empty when none is due. */
    Mono<PayoutUnit> claim(Instant now, Duration lease);

    /** The unit's unbatched payouts cut into bank batches of at most {@code size}; emits how many batches. */
    Mono<Long> formBatches(PayoutUnit unit, int size, Instant now);

    /** DONE, with what it granted added; false when the claim was lost (another instance took it over). */
    Mono<Boolean> finish(PayoutUnit unit, Granted granted, Instant now);
}
