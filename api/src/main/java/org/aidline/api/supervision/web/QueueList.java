package org.aidline.api.supervision.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a work queue, most urgent first; {@code next} is the cursor of the following page. */
public record QueueList(String queue, List<QueueItemView> items, @Nullable String next) {
}
