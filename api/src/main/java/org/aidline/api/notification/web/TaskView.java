package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A coordinator task as the apps see it. {@code assignedTo} is the chain link: VILLAGE, TOWNSHIP or COUNTY. */
public record TaskView(
        String id,
        String reportId,
        String reportReference,
        String villageCode,
        boolean urgent,
        String status,
        String assignee,
        String assignedTo,
        String acknowledgementSla,
        Instant assignedAt,
        Instant acknowledgeBy,
        int escalations,
        boolean escalationExhausted,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable VisitView visit,
        @Nullable Instant completedAt,
        @Nullable String completionNote,
        Instant createdAt,
        @Schema(description = "1; 2, 3, ... for the tasks of a report reopened after an unsatisfied call-back") int round,
        @Schema(description = "Sign-for and handling limits (working days of GET /api/v1/calendar/{year}) and the light now")
        ClockView clock,
        @Schema(description = "Extensions the assignee may still ask for, and the working days they may still add") int extensionsLeft,
        int extensionWorkingDaysLeft,
        @Schema(description = "How often the task was sent back") int sentBack,
        boolean closedAsDuplicate) {

    /** A task's limits; {@code light} is null once it is completed. */
    @Schema(name = "TaskClock")
    public record ClockView(@Nullable Instant signForBy, @Nullable Instant signForYellowAt, @Nullable Instant handleBy,
            @Nullable Instant handleYellowAt, @Schema(allowableValues = {"GREEN", "YELLOW", "RED"}) @Nullable String light) {
    }

    public record VisitView(Instant at, double latitude, double longitude, @Nullable String note) {
    }
}
