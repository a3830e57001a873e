package org.aidline.intake.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.report.Report;
import org.jspecify.annotations.Nullable;

/**
 * A report was filed and triaged. Carries what the modules downstream need to act without reading
 * intake's tables: where, how urgent, how it was triaged, and how soon the policy in force wants a
 * coordinator to acknowledge it, and the limits of its work order. {@code orderNumber} is the 12345
 * platform's work order the report answers, if it came from there. Both are absent in events
 * stored before they existed (read as null).
 */
public record ReportFiled(
        UUID id,
        UUID reportId,
        String reference,
        String channel,
        String category,
        String villageCode,
        String countyCode,
        boolean urgent,
        String decision,
        long acknowledgeWithinSeconds,
        Instant occurredAt,
        @Nullable String orderNumber,
        @Nullable WorkOrderClock workOrder) implements IntakeEvent {

    public static ReportFiled of(Report report, Policy policy) {
        Duration acknowledgeWithin = report.urgent() ? policy.urgentAcknowledgement() : policy.normalAcknowledgement();
        return new ReportFiled(UUID.randomUUID(), report.id().value(), report.reference().value(), report.channel().name(),
                report.category().name(), report.village().value(), report.countyCode(), report.urgent(),
                report.triage() == null ? "UNTRIAGED" : report.triage().decision().name(), acknowledgeWithin.toSeconds(),
                report.createdAt(), report.orderNumber(), WorkOrderClock.of(policy.workOrders(), report.category()));
    }

    /** A rejected report asks nothing more of anyone. */
    public boolean rejected() {
        return "REJECTED".equals(decision);
    }
}
