package org.aidline.api.report.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A report in a list: enough to recognise it and open it. */
public record ReportSummary(
        String id,
        String reference,
        String channel,
        String status,
        @Nullable String decision,
        String category,
        String villageCode,
        boolean urgent,
        String subjectName,
        Instant createdAt) {
}
