package org.aidline.notification.task;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step up the chain: from whom, to whom (nobody once the county supervisor was silent too) and why. */
public record TaskEscalation(int number, Instant at, String fromUser, ChainLink from, @Nullable String toUser,
        @Nullable ChainLink to, String reason) {
}
