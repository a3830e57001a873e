package org.aidline.api.monitoring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.aidline.api.problem.FieldError;
import org.jspecify.annotations.Nullable;

/** What became of one event of the request, by its index (from 0) in the array. */
@Schema(name = "RegistryEventResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryEventResult(
        int index,
        @Nullable String eventId,
        @Schema(description = "REPORT_FILED (a MONITORING report for the village coordinator; granted at once when proactive), "
                + "MERGED (joined an earlier warning for the same person and cause within the county's window), ENROLMENTS_ENDED, "
                + "NO_ACTION (below the threshold, or a rule that only records), ALREADY_RECEIVED (sent before: it acted then), "
                + "REFUSED (see errors)") String outcome,
        @Nullable String reportId,
        @Schema(description = "REPORT_FILED: the report's reference") @Nullable String reference,
        @Schema(description = "REPORT_FILED: the triage decision (FAST_TRACK when aid was granted with no application)")
        @Nullable String decision,
        @Schema(description = "REPORT_FILED: whether the report is proactive temporary aid (免申即享)") @Nullable Boolean proactive,
        @Nullable String grantId,
        @Nullable Long grantAmountFen,
        @Schema(description = "MERGED: the events the warning counts now") @Nullable Integer warningEvents,
        @Schema(description = "ENROLMENTS_ENDED: how many enrolments ended") @Nullable Integer enrolmentsEnded,
        @Schema(description = "NO_ACTION: why; ALREADY_RECEIVED: what it did then") @Nullable String reason,
        @Nullable List<FieldError> errors) {
}
