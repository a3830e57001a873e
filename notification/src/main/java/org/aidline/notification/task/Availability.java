package org.aidline.notification.task;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Whether a staff member takes tasks now; unavailable until a time, or until they say otherwise (null). */
public record Availability(String user, boolean available, @Nullable Instant unavailableUntil) {
}
