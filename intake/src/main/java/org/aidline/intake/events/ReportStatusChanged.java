package org.aidline.intake.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A report's status changed after filing: an ordinary case decided, reopened by the county, or a
 * case closed. Published so that those who follow the report (the coordinator's app) hear of it.
 */
public record ReportStatusChanged(UUID id, UUID reportId, String from, String to, Instant occurredAt) implements IntakeEvent {
}
