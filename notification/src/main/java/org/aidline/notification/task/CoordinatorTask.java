package org.aidline.notification.task;

import java.time.Duration;
import java.time.Instant;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/**
 * The work a report gives the people of its village: someone assigned along the chain must
 * acknowledge it by {@code acknowledgeBy}, visit the household and complete it.
 */
public record CoordinatorTask(
        TaskId id,
        ReportId reportId,
        String reportReference,
        VillageCode village,
        boolean urgent,
        TaskStatus status,
        String assignee,
        ChainLink assignedTo,
        Duration acknowledgementSla,
        Instant assignedAt,
        Instant acknowledgeBy,
        int escalations,
        boolean escalationExhausted,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Visit visit,
        @Nullable Instant completedAt,
        @Nullable String completionNote,
        Instant createdAt,
        int version) {
}
