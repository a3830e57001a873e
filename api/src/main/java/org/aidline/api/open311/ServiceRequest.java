package org.aidline.api.open311;

import java.time.Instant;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportReference;
import org.aidline.intake.report.ReportStatus;

/**
 * A report as Open311 shows it: nothing of the person (no name, ID number, phone, household,
 * description, attachments or exact location), only what was asked for, where (the village) and
 * how it stands.
 */
public record ServiceRequest(ReportId id, ReportReference reference, Category category, ReportStatus status, String villageCode,
        String villageName, String countyCode, Instant requestedAt, Instant updatedAt) {
}
