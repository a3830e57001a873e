package org.aidline.notification.stream;

import java.time.Instant;
import org.aidline.notification.task.CoordinatorTask;

/** One line of a coordinator's stream: a task was assigned to them, reassigned away, acknowledged, visited, completed. */
public record TaskEvent(long seq, String type, Instant at, CoordinatorTask task) {
}
