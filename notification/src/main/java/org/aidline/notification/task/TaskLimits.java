package org.aidline.notification.task;

import org.aidline.intake.events.WorkOrderClock;
import org.aidline.intake.policy.WorkOrderRules;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/** The policy's work-order limits a task was opened with, in working days (kept with the task). */
public record TaskLimits(
        int signForWorkingDays,
        int handlingWorkingDays,
        int yellowPercent,
        int maxExtensions,
        int maxExtensionWorkingDays,
        int sendBackWorkingDays) {

    /** The report's limits as filed; the province default for events from before they were carried. */
    public static TaskLimits of(@Nullable WorkOrderClock filed, String category) {
        WorkOrderClock clock = filed != null ? filed : WorkOrderClock.of(WorkOrderRules.DEFAULT, Category.valueOf(category));
        return new TaskLimits(clock.signForWorkingDays(), clock.handlingWorkingDays(), clock.yellowPercent(), clock.maxExtensions(),
                clock.maxExtensionWorkingDays(), clock.sendBackWorkingDays());
    }
}
