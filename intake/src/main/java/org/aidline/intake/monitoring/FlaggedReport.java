package org.aidline.intake.monitoring;

import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;

/**
 * A flag with the report it filed, as an outcome needs it: where the report stands, the subject's
 * keyed ID hash (null when the flag named no ID number), and the outcome if one was recorded.
 */
public record FlaggedReport(FlagKey key, ReportId report, int reportVersion, ReportStatus status, String countyCode,
        String villageCode, byte @Nullable [] subjectKey, @Nullable FlagVerdict outcome) {

    /** Whether recording the outcome also closes the report (a report closed or rejected already stays as it is). */
    public boolean closes() {
        return status != ReportStatus.CLOSED && status != ReportStatus.REJECTED;
    }
}
