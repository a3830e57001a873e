package org.aidline.intake.callback;

import java.time.Instant;
import java.util.UUID;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/**
 * The call-back owed after one closing of a report ({@code closure} 1, then 2 after a reopening,
 * ...), with the tries made so far; {@code reportVersion} is the report's as read with it, so that
 * an answer that reopens the report changes the report it was read with.
 */
public record CallBack(
        UUID id,
        ReportId reportId,
        String reportReference,
        int reportVersion,
        int closure,
        String countyCode,
        String villageCode,
        CallBackStatus status,
        int maxTries,
        int tries,
        @Nullable Satisfaction satisfaction,
        Instant createdAt,
        @Nullable Instant lastTriedAt,
        @Nullable Instant doneAt,
        int version) {

    public int triesLeft() {
        return maxTries - tries;
    }
}
