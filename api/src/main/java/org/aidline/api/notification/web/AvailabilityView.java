package org.aidline.api.notification.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Whether the staff member takes tasks, and until when they do not. */
public record AvailabilityView(String user, boolean available, @Nullable Instant unavailableUntil) {
}
