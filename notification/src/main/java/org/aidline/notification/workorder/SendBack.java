package org.aidline.notification.workorder;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A task sent back by its assignee, and to whom the county supervisor gave it next. */
public record SendBack(int number, Instant at, String actor, SendBackReason reason, @Nullable String note, @Nullable String reassignedTo,
        @Nullable String reassignedBy, @Nullable Instant reassignedAt) {
}
