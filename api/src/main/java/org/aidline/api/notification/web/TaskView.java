package org.aidline.api.notification.web;

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
        Instant createdAt) {

    public record VisitView(Instant at, double latitude, double longitude, @Nullable String note) {
    }
}
