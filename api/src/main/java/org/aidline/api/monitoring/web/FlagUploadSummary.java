package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.aidline.api.problem.FieldError;
import org.jspecify.annotations.Nullable;

/** What an upload came to: counts, how the new reports were triaged, and the first bad rows. */
@Schema(name = "MonitoringFlagUploadSummary")
public record FlagUploadSummary(
        @Schema(description = "Rows read, good or bad", example = "10000") long received,
        @Schema(description = "Flags that filed a new report", example = "9880") long accepted,
        @Schema(description = "Flags received before, by this or an earlier upload: linked to the report they filed then", example = "20")
        long alreadyReceived,
        @Schema(description = "Bad rows; none of them filed anything", example = "100") long rejected,
        @Schema(description = "Triage decisions of the reports filed now, by decision", example = "{\"STANDARD\": 9870, \"DUPLICATE\": 10}")
        Map<String, Long> decisions,
        @Schema(description = "Bad rows beyond those listed in errors", example = "0") long errorsOmitted,
        @Schema(description = "The first bad rows, in row order") List<RowError> errors) {

    /** A bad row: its 1-based number (data rows, not counting a CSV header), its flag id if readable, and why. */
    @Schema(name = "MonitoringFlagRowError")
    public record RowError(@Schema(example = "42") long row, @Schema(example = "NX-DC-2025-0000123") @Nullable String flagId,
            List<FieldError> errors) {
    }
}
