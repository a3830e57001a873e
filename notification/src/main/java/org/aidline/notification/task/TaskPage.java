package org.aidline.notification.task;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of tasks and where the next begins (null on the last). */
public record TaskPage(List<CoordinatorTask> items, @Nullable TaskCursor next) {

    public TaskPage {
        items = List.copyOf(items);
    }
}
