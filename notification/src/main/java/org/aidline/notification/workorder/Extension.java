package org.aidline.notification.workorder;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** More working days to handle a task, asked by its assignee with a reason; a grant moves the handling deadline. */
public record Extension(UUID id, UUID taskId, int workingDays, String reason, String askedBy, Instant askedAt, ExtensionStatus status,
        @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote, @Nullable Instant handleByBefore,
        @Nullable Instant handleByAfter) {
}
