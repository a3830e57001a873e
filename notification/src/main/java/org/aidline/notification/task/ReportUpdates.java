package org.aidline.notification.task;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportStatusChanged;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Subscribed to intake's events: a report's status change (its case decided, reopened, closed)
 * becomes an event of its task's live stream ({@code REPORT_DECIDED}, ...), so that the coordinator's
 * app hears of it; the assignee's streams on every instance are woken once it has committed.
 */
public class ReportUpdates implements EventSubscriber {

    public static final String SUBSCRIBER = "notification.report-updates";

    private final CoordinatorTasks tasks;
    private final Consumer<String> hasNews;

    public ReportUpdates(CoordinatorTasks tasks, Consumer<String> hasNews) {
        this.tasks = tasks;
        this.hasNews = hasNews;
    }

    @Override
    public String name() {
        return SUBSCRIBER;
    }

    @Override
    public Mono<Void> on(IntakeEvent event) {
        return event instanceof ReportStatusChanged changed
                ? tasks.tellReport(changed.reportId(), "REPORT_" + changed.to(), changed.occurredAt()).then()
                : Mono.empty();
    }

    @Override
    public Mono<Void> committed(List<IntakeEvent> events) {
        List<UUID> reports = new ArrayList<>();
        for (IntakeEvent event : events) {
            if (event instanceof ReportStatusChanged) {
                reports.add(event.reportId());
            }
        }
        return reports.isEmpty() ? Mono.empty() : Flux.fromIterable(reports).concatMap(tasks::assigneesOf).doOnNext(hasNews).then();
    }
}
