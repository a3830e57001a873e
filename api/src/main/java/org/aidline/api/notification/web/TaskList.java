package org.aidline.api.notification.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of tasks, newest first; {@code next} is the cursor of the following page. */
public record TaskList(List<TaskView> items, @Nullable String next) {
}
