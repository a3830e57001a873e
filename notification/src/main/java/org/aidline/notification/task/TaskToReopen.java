package org.aidline.notification.task;

import java.time.Instant;
import java.util.UUID;

/**
 * The task of a reopened report (an unsatisfied call-back): {@code round} follows the report's
 * last one, whose place, urgency and limits it keeps, with a clock started at {@code openedAt}.
 */
public record TaskToReopen(UUID reportId, int round, Instant openedAt, TaskClock clock) {
}
