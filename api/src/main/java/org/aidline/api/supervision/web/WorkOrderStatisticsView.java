package org.aidline.api.supervision.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The work-order figures of a county (or the region) and period by village or coordinator, worst first. */
public record WorkOrderStatisticsView(
        @Schema(description = "The county asked for, or the reader's region") String county,
        @Nullable Instant from,
        @Nullable Instant to,
        @Schema(description = "VILLAGE or COORDINATOR") String by,
        @Schema(description = "How many villages or coordinators have figures in the period; rows holds the worst of them, up to limit") long groups,
        List<Row> rows) {

    /** A village's or coordinator's figures: the same as the county's; satisfaction by village only. */
    public record Row(
            @Schema(description = "The village code, or the coordinator's (assignee's) user id") String key,
            StatisticsView.WorkOrdersView workOrders,
            @Schema(description = "By village only: a call-back is of a report, not of whoever held its task")
            StatisticsView.@Nullable SatisfactionView satisfaction) {
    }
}
