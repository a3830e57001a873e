package org.aidline.registry.disbursement;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads a run's progress from its units and batches (a few hundred rows, however many people it pays). */
public interface PayoutProgress {

    Mono<RunProgress> of(UUID runId);
}
