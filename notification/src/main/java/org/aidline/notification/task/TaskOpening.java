package org.aidline.notification.task;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.events.ReportStatusChanged;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every report filed that is not rejected gets a coordinator task, assigned along the chain
 * village, township, county: the first thing notification does with what intake publishes. A
 * report's later status changes (its case decided, reopened, closed) become events of its task's
 * live stream ({@code REPORT_DECIDED}, ...), so that the coordinator's app hears of them; one
 * subscriber for both, so that each batch of intake's events is consumed in one pass.
 */
public class TaskOpening implements EventSubscriber {

    /** The subscriber's name, under which its position in intake's events is kept. */
    public static final String SUBSCRIBER = "notification.task-opening";

    private final CoordinatorTasks tasks;
    private final Function<List<UUID>, Mono<?>> sendNow;
    private final Consumer<String> hasNews;

    /**
     * {@code sendNow} is given the reports whose tasks were opened, once that has committed: their
     * pushes go at once; {@code hasNews} is told whose live streams a report's status change concerns.
     */
    public TaskOpening(CoordinatorTasks tasks, Function<List<UUID>, Mono<?>> sendNow, Consumer<String> hasNews) {
        this.tasks = tasks;
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
        List<ReportStatusChanged> changes = new ArrayList<>();
        for (IntakeEvent event : events) {
            if (event instanceof ReportFiled filed && !filed.rejected()) {
                toOpen.add(filed);
            } else if (event instanceof ReportStatusChanged changed) {
                changes.add(changed);
            }
        }
        Mono<Void> opened = toOpen.isEmpty() ? Mono.empty() : tasks.open(toOpen).then();
        // In order, after the openings: a report filed and decided in one batch has its task to tell.
        return opened.thenMany(Flux.fromIterable(changes)
                        .concatMap(changed -> tasks.tellReport(changed.reportId(), "REPORT_" + changed.to(), changed.occurredAt())))
                .then();
    }

    @Override
    public Mono<Void> committed(List<IntakeEvent> events) {
        List<UUID> opened = events.stream()
                .filter(event -> event instanceof ReportFiled filed && !filed.rejected())
                .map(IntakeEvent::reportId)
                .toList();
        Mono<Void> pushes = opened.isEmpty() ? Mono.empty() : sendNow.apply(opened).then();
        List<UUID> changed = events.stream().filter(event -> event instanceof ReportStatusChanged).map(IntakeEvent::reportId).toList();
        return pushes.then(Flux.fromIterable(changed).concatMap(tasks::assigneesOf).doOnNext(hasNews).then());
    }
}
