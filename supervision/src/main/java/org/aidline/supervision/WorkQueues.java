package org.aidline.supervision;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The queues as stored: items in urgency order and how many there are. */
public interface WorkQueues {

    /** Up to {@code limit} items of the queue after the cursor, most urgent first. */
    Flux<QueueItem> items(WorkQueue queue, QueueFilter filter, @Nullable QueueCursor after, int limit);

    /** How many items the queue holds under the filter. */
    Mono<Long> count(WorkQueue queue, QueueFilter filter);
}
