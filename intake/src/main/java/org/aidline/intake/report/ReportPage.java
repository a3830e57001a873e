package org.aidline.intake.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of reports, newest first, and the cursor of the next page if there is one. */
public record ReportPage(List<Report> reports, @Nullable ReportCursor next) {

    public ReportPage {
        reports = List.copyOf(reports);
    }

    /** Builds a page from up to {@code limit + 1} rows: the extra row only says that more follow. */
    public static ReportPage of(List<Report> rows, int limit) {
        if (rows.size() <= limit) {
            return new ReportPage(rows, null);
        }
        List<Report> page = rows.subList(0, limit);
        return new ReportPage(page, ReportCursor.after(page.get(limit - 1)));
    }
}
