package org.aidline.notification.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aidline.intake.calendar.CalendarYears;
import org.aidline.intake.calendar.WorkingCalendar;
import org.aidline.intake.events.CallBackRecorded;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.events.ReportStatusChanged;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every report filed that is not rejected gets a coordinator task, assigned along the chain
 * village, township, county: the first thing notification does with what intake publishes. A
 * report reopened by an unsatisfied call-back gets a task of the next round, the same way. A
 * report's later status changes (its case decided, reopened, closed) become events of its task's
 * live stream ({@code REPORT_DECIDED}, ...), so that the coordinator's app hears of them; one
 * subscriber for both, so that each batch of intake's events is consumed in one pass.
 */
public class TaskOpening implements EventSubscriber {

    /** The subscriber's name, under which its position in intake's events is kept. */
    public static final String SUBSCRIBER = "notification.task-opening";

    private final CoordinatorTasks tasks;
    private final CalendarYears calendars;
    private final Function<List<UUID>, Mono<?>> sendNow;
    private final Consumer<String> hasNews;

    /**
     * {@code sendNow} is given the reports whose tasks were opened, once that has committed: their
     * pushes go at once; {@code hasNews} is told whose live streams a report's status change concerns.
     */
    public TaskOpening(CoordinatorTasks tasks, CalendarYears calendars, Function<List<UUID>, Mono<?>> sendNow, Consumer<String> hasNews) {
        this.tasks = tasks;
        this.calendars = calendars;
        this.sendNow = sendNow;
        this.hasNews = hasNews;
    }

    @Override
    public String name() {
        return SUBSCRIBER;
    }

    @Override
    public Mono<Void> on(IntakeEvent event) {
        return on(List.of(event));
    }

    /** The batch's tasks are opened and routed together: two statements, however many reports. */
    @Override
    public Mono<Void> on(List<IntakeEvent> events) {
        List<ReportFiled> toOpen = new ArrayList<>();
        List<CallBackRecorded> toReopen = new ArrayList<>();
        List<ReportStatusChanged> changes = new ArrayList<>();
        for (IntakeEvent event : events) {
            if (event instanceof ReportFiled filed && !filed.rejected()) {
                toOpen.add(filed);
            } else if (event instanceof CallBackRecorded called && called.reopenedRound() != null) {
                toReopen.add(called);
            } else if (event instanceof ReportStatusChanged changed) {
                changes.add(changed);
            }
        }
        Mono<Void> opened = (toOpen.isEmpty() ? Mono.<Void>empty() : clocked(toOpen).flatMap(tasks::open).then())
                .then(toReopen.isEmpty() ? Mono.empty() : reopened(toReopen).flatMap(tasks::reopen).then());
        // In order, after the openings: a report filed and decided in one batch has its task to tell.
        return opened.thenMany(Flux.fromIterable(changes)
                        .concatMap(changed -> tasks.tellReport(changed.reportId(), "REPORT_" + changed.to(), changed.occurredAt())))
                .then();
    }

    /** The batch's tasks with their limits, counted in one read of the calendar over the years they may fall in. */
    private Mono<List<TaskToOpen>> clocked(List<ReportFiled> filed) {
        int first = filed.stream().mapToInt(report -> report.occurredAt().atZone(WorkingCalendar.CHINA).getYear()).min().orElseThrow();
        int last = filed.stream().mapToInt(report -> report.occurredAt().atZone(WorkingCalendar.CHINA).getYear()).max().orElseThrow();
        return calendars.covering(first, last + 1).map(calendar -> filed.stream().map(report -> {
            TaskLimits limits = TaskLimits.of(report.workOrder(), report.category());
            TaskClock clock = TaskClock.start(report.occurredAt(), report.urgent(), Duration.ofSeconds(report.acknowledgeWithinSeconds()),
                    limits, calendar);
            return new TaskToOpen(report, 1, report.occurredAt(), clock, limits);
        }).toList());
    }

    /**
     * The reopened reports' next tasks, each as its previous round's with a clock from the reopening.
     * A report whose previous round is unknown here (it never had a task) gets none.
     */
    private Mono<List<TaskToReopen>> reopened(List<CallBackRecorded> reopenings) {
        return Flux.fromIterable(reopenings)
                .concatMap(called -> {
                    int round = Objects.requireNonNull(called.reopenedRound());
                    return tasks.ofRound(called.reportId(), round - 1).flatMap(previous -> calendars
                            .covering(called.occurredAt().atZone(WorkingCalendar.CHINA).getYear(),
                                    called.occurredAt().atZone(WorkingCalendar.CHINA).getYear() + 1)
                            .map(calendar -> new TaskToReopen(called.reportId(), round, called.occurredAt(),
                                    TaskClock.start(called.occurredAt(), previous.urgent(), previous.acknowledgementSla(), previous.limits(),
                                            calendar))));
                })
                .collectList();
    }

    @Override
    public Mono<Void> committed(List<IntakeEvent> events) {
        List<UUID> opened = events.stream()
                .filter(event -> (event instanceof ReportFiled filed && !filed.rejected())
                        || (event instanceof CallBackRecorded called && called.reopenedRound() != null))
                .map(IntakeEvent::reportId)
                .toList();
        Mono<Void> pushes = opened.isEmpty() ? Mono.empty() : sendNow.apply(opened).then();
        List<UUID> changed = events.stream().filter(event -> event instanceof ReportStatusChanged).map(IntakeEvent::reportId).toList();
        return pushes.then(Flux.fromIterable(changed).concatMap(tasks::assigneesOf).doOnNext(hasNews).then());
    }
}
