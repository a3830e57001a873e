package org.aidline.intake.events;

import org.aidline.intake.policy.WorkOrderRules;
import org.aidline.intake.report.Category;

/**
 * The work-order limits the policy in force gave a report when it was filed, resolved for its
 * category, in working days: its task keeps them whatever the policy becomes.
 */
public record WorkOrderClock(
        int signForWorkingDays,
        int handlingWorkingDays,
        int yellowPercent,
        int maxExtensions,
        int maxExtensionWorkingDays,
        int sendBackWorkingDays) {

    public static WorkOrderClock of(WorkOrderRules rules, Category category) {
        return new WorkOrderClock(rules.signForWorkingDays(), rules.handlingWorkingDays(category), rules.yellowPercent(),
                rules.maxExtensions(), rules.maxExtensionWorkingDays(), rules.sendBackWorkingDays());
    }
}
