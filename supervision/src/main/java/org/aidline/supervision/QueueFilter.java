package org.aidline.supervision;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which items of a queue: villages whose code starts with {@code villagePrefix} (the reader's
 * region, or a county, township or village inside it), waiting since {@code [from, to)}.
 */
public record QueueFilter(String villagePrefix, @Nullable Instant from, @Nullable Instant to) {
}
