package org.aidline.notification.workorder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aidline.notification.task.TaskId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where chases, extensions and send-backs are kept; each change also tells the people concerned (push or SMS, stream). */
public interface WorkOrders {

    /** A supervisor's chase of the task's assignee; false if the task is completed. */
    Mono<Boolean> chase(TaskId task, String by, String note, Instant at);

    Flux<Chase> chases(TaskId task);

    /** A new PENDING extension; empty if one is pending already or the task is completed. */
    Mono<Extension> ask(TaskId task, int workingDays, String reason, String by, Instant at);

    Mono<Extension> extension(TaskId task, UUID id);

    Flux<Extension> extensions(TaskId task);

    /**
     * Grants the PENDING extension: the handling deadline becomes {@code handleBy} (turning YELLOW
     * at {@code handleYellowAt}), the assignee is told. False if it was not pending any more.
     */
    Mono<Boolean> grant(TaskId task, UUID id, String by, @Nullable String note, Instant at, Instant handleBy, Instant handleYellowAt);

    /** Refuses the PENDING extension and tells the assignee; false if it was not pending any more. */
    Mono<Boolean> refuse(TaskId task, UUID id, String by, String note, Instant at);

    /**
     * Sends the task (at version {@code version}, assigned to {@code by}) back to its county's
     * supervisor, who is told; false if it changed meanwhile.
     */
    Mono<Boolean> sendBack(TaskId task, int version, String by, SendBackReason reason, @Nullable String note, Instant at);

    Mono<List<SendBack>> sendBacks(TaskId task);

    /** Whether the user is staff working in the village's county (a coordinator, township or county supervisor there). */
    Mono<Boolean> worksInCountyOf(String user, String villageCode);

    /**
     * Gives the open task to {@code to}: assigned afresh, its acknowledgement clock restarted, a new
     * sign-for limit, {@code to} notified; false if the task is completed.
     */
    Mono<Boolean> reassign(TaskId task, String to, String by, Instant at, Instant signForBy, Instant signForYellowAt);

    /** Completes a task sent back as a duplicate; false if it was not SENT_BACK. */
    Mono<Boolean> closeAsDuplicate(TaskId task, String by, @Nullable String note, Instant at);
}
