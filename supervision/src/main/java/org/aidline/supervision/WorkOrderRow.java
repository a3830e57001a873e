package org.aidline.supervision;

import org.jspecify.annotations.Nullable;

/**
 * One village's or coordinator's figures ({@code key}: the village code or the assignee's user id);
 * satisfaction only by village, since a call-back is of a report, not of whoever held its task.
 */
public record WorkOrderRow(String key, WorkOrderFigures workOrders, @Nullable Satisfaction satisfaction) {
}
