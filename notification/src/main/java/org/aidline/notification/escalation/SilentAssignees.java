package org.aidline.notification.escalation;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tasks whose assignee has not answered: each step claims its rows with SKIP LOCKED, so instances never do one twice. */
public interface SilentAssignees {

    /** Queues an SMS for tasks whose push went unacknowledged past half the SLA; emits how many were texted. */
    Mono<Long> textUnansweredPushes(Instant now, int limit);

    /**
     * Chases, once per deadline, the assignees of tasks whose sign-for or handling deadline passed
     * before today (Asia/Shanghai); emits whom it chased, one per chase.
     */
    Flux<String> chaseMissedDeadlines(Instant now, int limit);

    /** Moves tasks past their acknowledgement deadline to the next link of the chain, recording each step. */
    Flux<EscalatedTask> escalateOverdue(Instant now, int limit);
}
