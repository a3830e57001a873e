package org.aidline.intake.callback;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One call made: whether the person was reached, their answer if so, the operator's note. */
public record CallBackTry(UUID id, int attempt, boolean reached, @Nullable Satisfaction satisfaction, @Nullable String note,
        String triedBy, Instant triedAt) {
}
