package org.aidline.notification.task;

import java.time.Duration;
import java.time.Instant;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/**
 * The work a report gives the people of its village: someone assigned along the chain must
 * acknowledge it by {@code acknowledgeBy}, visit the household and complete it. As a work
 * order it is signed for and handled within the limits of its {@code clock}; a report reopened
 * after an unsatisfied call-back gets a task of the next {@code round}.
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
        int version,
        int round,
        TaskClock clock,
        TaskLimits limits,
        int extensionsGranted,
        int extendedWorkingDays,
        int sentBack,
        boolean closedAsDuplicate) {

    public int extensionsLeft() {
        return Math.max(0, limits.maxExtensions() - extensionsGranted);
    }

    public int extensionWorkingDaysLeft() {
        return Math.max(0, limits.maxExtensionWorkingDays() - extendedWorkingDays);
    }

    public boolean isOpen() {
        return status != TaskStatus.COMPLETED;
    }
}
