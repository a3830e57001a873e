package org.aidline.intake.monitoring;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.NewReport;
import org.aidline.intake.report.Subject;
import org.jspecify.annotations.Nullable;

/**
 * A suspicious-data flag: what the platform's data comparison noticed about a household (say, a
 * vehicle registered while receiving the minimum-living allowance), for the village coordinator
 * to check.
 */
public record MonitoringFlag(FlagKey key, VillageCode village, Category category, Subject subject, String reason,
        @Nullable Instant detectedAt) {

    public MonitoringFlag {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A flag says what looked suspicious");
        }
    }

    /** The report the flag files: never urgent, since a data anomaly is a check to make, not an emergency. */
    public NewReport toReport(String filedBy) {
        return new NewReport(Channel.MONITORING, category, reason, village, false, null, subject, null, List.of(), null, null,
                filedBy);
    }
}
