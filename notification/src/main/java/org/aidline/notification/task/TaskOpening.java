package org.aidline.notification.task;

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

    public TaskOpening(CoordinatorTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return SUBSCRIBER;
    }

    @Override
    public Mono<Void> on(IntakeEvent event) {
        if (event instanceof ReportFiled filed && !filed.rejected()) {
            return tasks.open(filed).then();
        }
        return Mono.empty();
    }
}
