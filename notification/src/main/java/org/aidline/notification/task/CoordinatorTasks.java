package org.aidline.notification.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where tasks are kept. Every change is one statement that also queues what the change tells people. */
public interface CoordinatorTasks {

    /**
     * Opens the tasks and assigns each along its chain, from its opening time; how many were
     * opened (a report that already has a task of that round is left as it is).
     */
    Mono<Integer> open(List<TaskToOpen> tasks);

    /**
     * Opens each reopened report's task of the next round, as its previous round's (place, urgency,
     * limits) with the new clock, and assigns it along the chain; how many were opened (a round
     * already open is left as it is).
     */
    Mono<Integer> reopen(List<TaskToReopen> tasks);

    Mono<CoordinatorTask> byId(TaskId id);

    /** The report's task of that round, if it has one. */
    Mono<CoordinatorTask> ofRound(UUID report, int round);

    /** Tasks assigned to the user, in the order given (the cursor's, when there is one). */
    Flux<CoordinatorTask> assignedTo(String user, @Nullable TaskStatus status, TaskOrder order, @Nullable TaskCursor after, int limit);

    /** Tasks of the villages in the region, in the order given (the cursor's, when there is one). */
    Flux<CoordinatorTask> inRegion(RegionScope region, @Nullable TaskStatus status, TaskOrder order, @Nullable TaskCursor after, int limit);

    Mono<List<TaskEscalation>> escalations(TaskId id);

    /** ASSIGNED to ACKNOWLEDGED; what was still queued for it is cancelled. False if it was not ASSIGNED. */
    Mono<Boolean> acknowledge(TaskId id, String by, Instant at);

    /** ASSIGNED or ACKNOWLEDGED (or VISITED again) to VISITED. False if it was COMPLETED. */
    Mono<Boolean> visit(TaskId id, String by, Visit visit);

    /** ACKNOWLEDGED or VISITED to COMPLETED. False otherwise. */
    Mono<Boolean> complete(TaskId id, String by, @Nullable String note, Instant at);

    /** Adds an event of {@code type} to the live stream of each task of the report (its assignee's); emits how many. */
    Mono<Long> tellReport(UUID report, String type, Instant at);

    /** The report's task of its latest round (the one a reopened report is handled in now), if it has any. */
    Mono<CoordinatorTask> latestOf(UUID report);

    /** Who holds the report's tasks now. */
    Flux<String> assigneesOf(UUID report);
}
