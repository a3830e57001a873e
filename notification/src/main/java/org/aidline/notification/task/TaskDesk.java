package org.aidline.notification.task;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What people do with tasks. Only the assignee or a supervisor of the task's region sees or acts
 * on one; for anyone else it does not exist (empty), so that task ids reveal nothing.
 */
public class TaskDesk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskDesk.class);

    private final CoordinatorTasks tasks;
    private final Consumer<String> hasNews;
    private final Function<ReportId, Mono<Boolean>> closeCaseIfDone;
    private final Clock clock;

    /**
     * {@code hasNews} is told whose live stream a change concerns; {@code closeCaseIfDone} is
     * intake's closure, tried once a task is completed (the report closes if that was all it waited for).
     */
    public TaskDesk(CoordinatorTasks tasks, Consumer<String> hasNews, Function<ReportId, Mono<Boolean>> closeCaseIfDone, Clock clock) {
        this.tasks = tasks;
        this.hasNews = hasNews;
        this.closeCaseIfDone = closeCaseIfDone;
        this.clock = clock;
    }

    /** A coordinator's own tasks; a supervisor's, those of the region. A cursor keeps the order it was made in. */
    public Mono<TaskPage> list(Actor actor, @Nullable TaskStatus status, TaskOrder requested, @Nullable TaskCursor after, int limit) {
        TaskOrder order = after != null ? after.order() : requested;
        var found = actor.has(Role.SUPERVISOR) && actor.region() != null
                ? tasks.inRegion(actor.region(), status, order, after, limit + 1)
                : tasks.assignedTo(actor.subject(), status, order, after, limit + 1);
        return found.collectList().map(items -> {
            if (items.size() <= limit) {
                return new TaskPage(items, null);
            }
            List<CoordinatorTask> page = items.subList(0, limit);
            CoordinatorTask last = page.get(page.size() - 1);
            return new TaskPage(page, TaskCursor.after(last, order));
        });
    }

    public Mono<CoordinatorTask> find(Actor actor, TaskId id) {
        return tasks.byId(id).filter(task -> mayAct(actor, task));
    }

    public Mono<List<TaskEscalation>> escalations(Actor actor, TaskId id) {
        return find(actor, id).flatMap(task -> tasks.escalations(id));
    }

    /** Acknowledging twice is harmless: the task is answered as it stands. */
    public Mono<CoordinatorTask> acknowledge(Actor actor, TaskId id) {
        return act(actor, id, task -> tasks.acknowledge(id, actor.subject(), now()).thenReturn(true));
    }

    public Mono<CoordinatorTask> visit(Actor actor, TaskId id, Visit visit) {
        return act(actor, id, task -> tasks.visit(id, actor.subject(), visit).flatMap(done -> done
                ? Mono.just(true)
                : Mono.error(new TaskStateException(TaskStatus.COMPLETED, "The task is completed; a visit can no longer be recorded."))));
    }

    public Mono<CoordinatorTask> complete(Actor actor, TaskId id, @Nullable String note) {
        return act(actor, id, task -> task.status() == TaskStatus.COMPLETED
                ? Mono.just(true)
                : tasks.complete(id, actor.subject(), note, now()).flatMap(done -> done
                        ? Mono.just(true)
                        : Mono.error(new TaskStateException(task.status(), "Acknowledge the task before completing it."))))
                // The task is completed whatever happens here: a closure that fails now is made by intake's closure sweep.
                .flatMap(task -> closeCaseIfDone.apply(task.reportId())
                        .onErrorResume(failure -> {
                            log.warn("Closing the case of report {} after its task was completed failed; the sweep closes it", task.reportId(),
                                    failure);
                            return Mono.just(false);
                        })
                        .thenReturn(task));
    }

    private Mono<CoordinatorTask> act(Actor actor, TaskId id, Function<CoordinatorTask, Mono<Boolean>> change) {
        return find(actor, id).flatMap(task -> change.apply(task).then(tasks.byId(id)))
                .doOnNext(changed -> hasNews.accept(changed.assignee()));
    }

    private boolean mayAct(Actor actor, CoordinatorTask task) {
        return task.assignee().equals(actor.subject()) || actor.worksIn(task.village(), Role.SUPERVISOR);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is answered now must equal what is read later.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
