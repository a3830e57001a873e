package org.aidline.api.report.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of reports, newest first. */
public record ReportList(
        List<ReportSummary> items,
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page") @Nullable String nextCursor) {
}
