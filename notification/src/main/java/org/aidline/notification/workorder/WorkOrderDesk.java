package org.aidline.notification.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.calendar.CalendarYears;
import org.aidline.intake.calendar.WorkingCalendar;
import org.aidline.intake.report.ReportId;
import org.aidline.notification.task.CoordinatorTask;
import org.aidline.notification.task.CoordinatorTasks;
import org.aidline.notification.task.TaskClock;
import org.aidline.notification.task.TaskDesk;
import org.aidline.notification.task.TaskId;
import org.aidline.notification.task.TaskStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Chase, extension, send-back and reassignment as people do them. A task is found as the task
 * desk shows it (its assignee or a supervisor of its region; nobody else learns it exists); then
 * the assignee asks and sends back, a supervisor of the region chases, decides and reassigns.
 */
public class WorkOrderDesk {

    private final TaskDesk tasks;
    private final CoordinatorTasks stored;
    private final WorkOrders orders;
    private final CalendarYears calendars;
    private final Consumer<String> hasNews;
    private final Function<ReportId, Mono<Boolean>> closeCaseIfDone;
    private final Clock clock;

    public WorkOrderDesk(TaskDesk tasks, CoordinatorTasks stored, WorkOrders orders, CalendarYears calendars, Consumer<String> hasNews,
            Function<ReportId, Mono<Boolean>> closeCaseIfDone, Clock clock) {
        this.tasks = tasks;
        this.stored = stored;
        this.orders = orders;
        this.calendars = calendars;
        this.hasNews = hasNews;
        this.closeCaseIfDone = closeCaseIfDone;
        this.clock = clock;
    }

    public Mono<CoordinatorTask> chase(Actor actor, TaskId id, String note) {
        return supervised(actor, id).flatMap(task -> {
            if (!task.isOpen()) {
                return refused("The task is completed; there is nobody to chase.");
            }
            return orders.chase(id, actor.subject(), note, now())
                    .flatMap(chased -> chased ? reread(id, task.assignee()) : refused("The task was completed meanwhile."));
        });
    }

    public Mono<List<Chase>> chases(Actor actor, TaskId id) {
        return tasks.find(actor, id).flatMap(task -> orders.chases(id).collectList());
    }

    public Mono<Extension> askExtension(Actor actor, TaskId id, int workingDays, String reason) {
        return assigned(actor, id).flatMap(task -> {
            if (task.status() == TaskStatus.COMPLETED || task.status() == TaskStatus.SENT_BACK) {
                return refused("Only an open task of yours can be extended.");
            }
            if (task.extensionsLeft() == 0) {
                return refused("The task was extended " + task.extensionsGranted() + " times already, as often as the policy allows.");
            }
            if (workingDays > task.extensionWorkingDaysLeft()) {
                return Mono.error(new InvalidWorkOrderInputException("workingDays",
                        "at most " + task.extensionWorkingDaysLeft() + " working days are left to extend this task by"));
            }
            return orders.ask(id, workingDays, reason, actor.subject(), now())
                    .switchIfEmpty(refused("An extension of this task is waiting for a decision already."));
        });
    }

    public Mono<List<Extension>> extensions(Actor actor, TaskId id) {
        return tasks.find(actor, id).flatMap(task -> orders.extensions(id).collectList());
    }

    /** GRANT moves the handling deadline by the working days asked, from where it was; REFUSE leaves it. */
    public Mono<Extension> decideExtension(Actor actor, TaskId id, UUID extensionId, boolean grant, @Nullable String note) {
        return supervised(actor, id).flatMap(task -> orders.extension(id, extensionId).flatMap(extension -> {
            if (extension.status() != ExtensionStatus.PENDING) {
                return refused("The extension was " + extension.status().name().toLowerCase() + " already.");
            }
            Instant at = now();
            Mono<Boolean> decided;
            if (!grant) {
                decided = orders.refuse(id, extensionId, actor.subject(), note == null ? "" : note, at);
            } else if (task.clock().handleBy() == null || !task.isOpen()) {
                return refused("The task has no handling deadline to move, or is completed.");
            } else if (task.extensionsLeft() == 0 || extension.workingDays() > task.extensionWorkingDaysLeft()) {
                return refused("Granting it would extend the task beyond what the policy allows.");
            } else {
                decided = calendarFor(task.createdAt(), task.clock().handleBy()).flatMap(calendar -> {
                    Instant handleBy = calendar.plusWorkingDays(task.clock().handleBy(), extension.workingDays());
                    Instant yellowAt = TaskClock.yellowAt(task.createdAt(), handleBy, task.limits().yellowPercent(), calendar);
                    return orders.grant(id, extensionId, actor.subject(), note, at, handleBy, yellowAt);
                });
            }
            return decided.flatMap(done -> {
                if (!done) {
                    return refused("The extension was decided meanwhile.");
                }
                hasNews.accept(task.assignee());
                return orders.extension(id, extensionId);
            });
        }));
    }

    /** By a coordinator (village or township), within the policy's working days of receiving it; supervisors reassign instead. */
    public Mono<CoordinatorTask> sendBack(Actor actor, TaskId id, SendBackReason reason, @Nullable String note) {
        return assigned(actor, id).flatMap(task -> {
            if (!actor.has(Role.COORDINATOR)) {
                return Mono.error(new WorkOrderForbiddenException("A supervisor reassigns a task instead of sending it back."));
            }
            if (task.status() == TaskStatus.COMPLETED || task.status() == TaskStatus.SENT_BACK) {
                return refused("Only an open task of yours can be sent back.");
            }
            Instant at = now();
            return calendarFor(task.assignedAt(), at).flatMap(calendar -> {
                int days = task.limits().sendBackWorkingDays();
                if (days == 0 || at.isAfter(calendar.plusWorkingDays(task.assignedAt(), days))) {
                    return refused("A task is sent back within " + days + " working days of receiving it; ask an extension or handle it.");
                }
                return orders.sendBack(id, task.version(), actor.subject(), reason, note, at)
                        .flatMap(done -> done ? reread(id, actor.subject()) : refused("The task changed meanwhile; read it again."));
            });
        });
    }

    /** Any open task of the region, to a coordinator or supervisor of its county, who must sign for it afresh. */
    public Mono<CoordinatorTask> reassign(Actor actor, TaskId id, String to) {
        return supervised(actor, id).flatMap(task -> {
            if (!task.isOpen()) {
                return refused("The task is completed.");
            }
            return orders.worksInCountyOf(to, task.village().value()).flatMap(works -> {
                if (!works) {
                    return Mono.error(new InvalidWorkOrderInputException("assignee",
                            "is not a coordinator or supervisor of the task's county"));
                }
                Instant at = now();
                return calendarFor(at, at).flatMap(calendar -> {
                    TaskClock fresh = TaskClock.start(at, task.urgent(), task.acknowledgementSla(), task.limits(), calendar);
                    return orders.reassign(id, to, actor.subject(), at, fresh.signForBy(), fresh.signForYellowAt());
                }).flatMap(done -> {
                    if (!done) {
                        return refused("The task was completed meanwhile.");
                    }
                    hasNews.accept(task.assignee());
                    return reread(id, to);
                });
            });
        });
    }

    /** A task sent back as a duplicate is completed; its case closes if that was all it waited for. */
    public Mono<CoordinatorTask> closeAsDuplicate(Actor actor, TaskId id, @Nullable String note) {
        return supervised(actor, id).flatMap(task -> {
            if (task.status() != TaskStatus.SENT_BACK) {
                return refused("Only a task sent back is closed as a duplicate; reassign it or let it be handled.");
            }
            return orders.closeAsDuplicate(id, actor.subject(), note, now())
                    .flatMap(done -> done ? reread(id, task.assignee()) : refused("The task changed meanwhile; read it again."))
                    .flatMap(closed -> closeCaseIfDone.apply(closed.reportId()).onErrorReturn(false).thenReturn(closed));
        });
    }

    public Mono<List<SendBack>> sendBacks(Actor actor, TaskId id) {
        return tasks.find(actor, id).flatMap(task -> orders.sendBacks(id));
    }

    private Mono<CoordinatorTask> supervised(Actor actor, TaskId id) {
        return tasks.find(actor, id).flatMap(task -> actor.worksIn(task.village(), Role.SUPERVISOR)
                ? Mono.just(task)
                : Mono.error(new WorkOrderForbiddenException("A supervisor of the task's region does this.")));
    }

    private Mono<CoordinatorTask> assigned(Actor actor, TaskId id) {
        return tasks.find(actor, id).flatMap(task -> task.assignee().equals(actor.subject())
                ? Mono.just(task)
                : Mono.error(new WorkOrderForbiddenException("The task's assignee does this.")));
    }

    private Mono<CoordinatorTask> reread(TaskId id, String concerned) {
        hasNews.accept(concerned);
        return stored.byId(id);
    }

    /** The calendar over the years from {@code from} to a year past {@code to}: far enough for any limit counted from there. */
    private Mono<WorkingCalendar> calendarFor(Instant from, Instant to) {
        return calendars.covering(from.atZone(WorkingCalendar.CHINA).getYear(), to.atZone(WorkingCalendar.CHINA).getYear() + 1);
    }

    private static <T> Mono<T> refused(String why) {
        return Mono.error(new WorkOrderRefusedException(why));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
