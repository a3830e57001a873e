package org.aidline.notification.workorder;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A chase notice (催办): by a supervisor with a note, or automatic the day after a missed deadline ({@code missed} names it). */
public record Chase(int number, Instant at, String actor, boolean automatic, @Nullable String missed, @Nullable Instant deadline,
        @Nullable String note, String assignee) {
}
