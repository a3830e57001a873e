package org.aidline.notification.escalation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task that climbed one link: to whom it went now (null when nobody was above). */
public record EscalatedTask(UUID taskId, String from, @Nullable String to) {
}
