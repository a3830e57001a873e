package org.aidline.supervision;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a queue, most urgent first, and the cursor of the next page if there is one. */
public record QueuePage(WorkQueue queue, List<QueueItem> items, @Nullable QueueCursor next) {

    public QueuePage {
        items = List.copyOf(items);
    }

    /** Builds a page from up to {@code limit + 1} rows: the extra row only says that more follow. */
    public static QueuePage of(WorkQueue queue, List<QueueItem> rows, int limit) {
        if (rows.size() <= limit) {
            return new QueuePage(queue, rows, null);
        }
        List<QueueItem> page = rows.subList(0, limit);
        return new QueuePage(queue, page, page.get(limit - 1).cursor());
    }
}
