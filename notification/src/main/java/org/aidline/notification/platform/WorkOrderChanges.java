package org.aidline.notification.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aidline.intake.events.CallBackRecorded;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.events.ReportStatusChanged;
import reactor.core.publisher.Mono;

/**
 * What the 12345 platform hears of from intake's events: a report filed from one of its work
 * orders (RECEIVED, and the link order <-> report), then that report's status changes. A
 * subscriber of its own, so that the platform's outbox never holds up the coordinators' tasks.
 */
public class WorkOrderChanges implements EventSubscriber {

    /** The subscriber's name, under which its position in intake's events is kept. */
    public static final String SUBSCRIBER = "notification.platform-exchange";

    private final PlatformDeliveries deliveries;

    public WorkOrderChanges(PlatformDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return SUBSCRIBER;
    }

    @Override
    public Mono<Void> on(IntakeEvent event) {
        return on(List.of(event));
    }

    @Override
    public Mono<Void> on(List<IntakeEvent> events) {
        List<WorkOrder> orders = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        for (IntakeEvent event : events) {
            if (event instanceof ReportFiled filed && filed.orderNumber() != null) {
                orders.add(new WorkOrder(filed.orderNumber(), filed.reportId(), filed.reference(), filed.villageCode(),
                        filed.countyCode(), filed.decision(), filed.id(), filed.occurredAt()));
            } else {
                changeOf(event).ifPresent(changes::add);
            }
        }
        Mono<Void> linked = orders.isEmpty() ? Mono.empty() : deliveries.received(orders);
        // After the links: a report filed and decided in one batch is already a work order when its decision is queued.
        return linked.then(changes.isEmpty() ? Mono.empty() : deliveries.changed(changes));
    }

    /** The change an event is for the platform, if any (whether the report is a work order is the outbox's to know). */
    static Optional<StatusChange> changeOf(IntakeEvent event) {
        if (event instanceof ReportStatusChanged changed) {
            return PlatformChange.ofReportStatus(changed.to())
                    .map(change -> new StatusChange(changed.id(), changed.reportId(), change, changed.occurredAt(),
                            Map.of("previousStatus", changed.from())));
        }
        if (event instanceof CallBackRecorded called) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("closure", called.closure());
            details.put("attempt", called.attempt());
            details.put("reached", called.reached());
            if (called.satisfaction() != null) {
                details.put("satisfaction", called.satisfaction());
            }
            details.put("callBackStatus", called.itemStatus());
            details.put("reopened", called.reopenedRound() != null);
            return Optional.of(new StatusChange(called.id(), called.reportId(), PlatformChange.CALL_BACK, called.occurredAt(), details));
        }
        return Optional.empty();
    }
}
