package org.aidline.intake.grant;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The documents deadline: grants whose documents are overdue become OVERDUE and go up to the
 * county supervisor. The moment is a parameter, so any instance may sweep at any time and
 * tests choose the time instead of waiting for it.
 */
public class DocumentDeadlines {

    private final Grants grants;

    public DocumentDeadlines(Grants grants) {
        this.grants = grants;
    }

    /** Escalates every grant overdue at {@code now}, in batches, until a batch comes back short. */
    public Flux<Escalation> escalateOverdue(Instant now, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one grant");
        }
        return batch(now, batchSize)
                .expand(done -> done.size() < batchSize ? Mono.empty() : batch(now, batchSize))
                .flatMapIterable(done -> done);
    }

    private Mono<List<Escalation>> batch(Instant now, int batchSize) {
        return grants.escalateOverdue(now, batchSize).collectList()
                .retryWhen(Retry.max(3).filter(ConcurrentChangeException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }
}
