package org.aidline.notification.stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stream's truth, in the database. */
public interface TaskEvents {

    /** The recipient's events after {@code afterSeq}, oldest first. */
    Flux<TaskEvent> after(String recipient, long afterSeq, int limit);

    /** The newest event number: a stream opened without Last-Event-ID starts after it. */
    Mono<Long> latest();
}
