package org.aidline.supervision;

import java.util.List;

/**
 * The rows of a breakdown worst first (the lower of a row's two on-time rates, rows with neither last; then the most
 * overdue; then the lowest satisfaction rate), up to the limit asked; {@code groups} says how many there are in all.
 */
public record WorkOrderBreakdown(Breakdown by, List<WorkOrderRow> rows, long groups) {

    public WorkOrderBreakdown {
        rows = List.copyOf(rows);
    }
}
