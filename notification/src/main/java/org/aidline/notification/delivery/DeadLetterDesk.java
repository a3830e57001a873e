package org.aidline.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.notification.task.TaskDesk;
import org.aidline.notification.task.TaskId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How delivery went, for the people who may see the task; dead letters, for the supervisors of their region. */
public class DeadLetterDesk {

    private final Notifications notifications;
    private final TaskDesk tasks;
    private final Clock clock;

    public DeadLetterDesk(Notifications notifications, TaskDesk tasks, Clock clock) {
        this.notifications = notifications;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Every notification of the task with its attempts; empty (not found) for whoever may not see the task. */
    public Mono<java.util.List<DeliveryRecord>> ofTask(Actor actor, TaskId id) {
        return tasks.find(actor, id).flatMap(task -> notifications.ofTask(id.value()).collectList());
    }

    public Flux<DeliveryRecord> deadLetters(Actor actor, @Nullable Instant before, int limit) {
        if (!actor.has(Role.SUPERVISOR) || actor.region() == null) {
            return Flux.empty();
        }
        return notifications.deadLetters(actor.region(), before, limit);
    }

    /** Queues a dead letter of the supervisor's region again; empty if there is no such dead letter there. */
    public Mono<DeliveryRecord> retry(Actor actor, UUID id) {
        if (!actor.has(Role.SUPERVISOR) || actor.region() == null) {
            return Mono.empty();
        }
        return notifications.requeue(actor.region(), id, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
