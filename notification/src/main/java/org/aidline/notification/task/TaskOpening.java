package org.aidline.notification.task;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportFiled;
import reactor.core.publisher.Mono;

/**
 * Every report filed that is not rejected gets a coordinator task, assigned along the chain
 * village, township, county: the first thing notification does with what intake publishes.
 */
public class TaskOpening implements EventSubscriber {

    /** The subscriber's name, under which its position in intake's events is kept. */
    public static final String SUBSCRIBER = "notification.task-opening";

    private final CoordinatorTasks tasks;
    private final Function<List<UUID>, Mono<?>> sendNow;

    /** {@code sendNow} is given the reports whose tasks were opened, once that has committed: their pushes go at once. */
    public TaskOpening(CoordinatorTasks tasks, Function<List<UUID>, Mono<?>> sendNow) {
        this.tasks = tasks;
        this.sendNow = sendNow;
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
        for (IntakeEvent event : events) {
            if (event instanceof ReportFiled filed && !filed.rejected()) {
                toOpen.add(filed);
            }
        }
        return toOpen.isEmpty() ? Mono.empty() : tasks.open(toOpen).then();
    }

    @Override
    public Mono<Void> committed(List<IntakeEvent> events) {
        List<UUID> opened = events.stream()
                .filter(event -> event instanceof ReportFiled filed && !filed.rejected())
                .map(IntakeEvent::reportId)
                .toList();
        return opened.isEmpty() ? Mono.empty() : sendNow.apply(opened).then();
    }
}
