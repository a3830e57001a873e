package org.aidline.intake.grant;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of grants, oldest due first, and the cursor of the next page if there is one. */
public record GrantPage(List<GrantCase> grants, @Nullable GrantCursor next) {

    public GrantPage {
        grants = List.copyOf(grants);
    }

    /** Builds a page from up to {@code limit + 1} rows: the extra row only says that more follow. */
    public static GrantPage of(List<GrantCase> rows, int limit) {
        if (rows.size() <= limit) {
            return new GrantPage(rows, null);
        }
        List<GrantCase> page = rows.subList(0, limit);
        Grant last = page.get(limit - 1).grant();
        Instant due = last.documentsDueAt();
        if (due == null) {
            throw new IllegalStateException("A list ordered by due date holds only grants with a due date");
        }
        return new GrantPage(page, new GrantCursor(due, last.id().value()));
    }
}
