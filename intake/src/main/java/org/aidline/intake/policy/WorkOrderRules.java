package org.aidline.intake.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aidline.intake.report.Category;

/**
 * The clocks of a county's work orders, in working days (12345 hotline rules and county practice):
 * a non-urgent task is signed for within {@code signForWorkingDays} (an urgent one within the
 * policy's urgent acknowledgement, in clock time), handled within {@code handlingWorkingDays} (or
 * its category's own limit), shown YELLOW once {@code yellowPercent} of a limit's working time is
 * used; the assignee may ask for at most {@code maxExtensions} extensions of at most
 * {@code maxExtensionWorkingDays} in all, may send a task back within
 * {@code sendBackWorkingDays} of receiving it, and the call-back after closure is tried
 * {@code callBackTries} times before the item is closed unreached.
 */
public record WorkOrderRules(
        int signForWorkingDays,
        int handlingWorkingDays,
        Map<Category, Integer> handlingWorkingDaysByCategory,
        int yellowPercent,
        int maxExtensions,
        int maxExtensionWorkingDays,
        int sendBackWorkingDays,
        int callBackTries) {

    public static final int MOST_WORKING_DAYS = 60;

    /**
     * The province default: sign for within 1 working day, handle within 5 (Shandong), 22 for
     * minimum-living applications and temporary aid for lost income (the applications some cities give 22), yellow at 75 %, extensions
     * at most twice and 10 working days in all, send-back within 2 working days, three call-back tries.
     */
    public static final WorkOrderRules DEFAULT = new WorkOrderRules(1, 5,
            Map.of(Category.BASIC_LIVING, 22, Category.LOSS_OF_INCOME, 22), 75, 2, 10, 2, 3);

    public WorkOrderRules {
        handlingWorkingDaysByCategory = handlingWorkingDaysByCategory.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(handlingWorkingDaysByCategory));
    }

    public int handlingWorkingDays(Category category) {
        return handlingWorkingDaysByCategory.getOrDefault(category, handlingWorkingDays);
    }

    /** Every rule these break, named by the field of the policy's {@code workOrders}. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        days(found, "workOrders.signForWorkingDays", signForWorkingDays, 1);
        days(found, "workOrders.handlingWorkingDays", handlingWorkingDays, 1);
        handlingWorkingDaysByCategory.forEach((category, days) -> days(found, "workOrders.handlingWorkingDaysByCategory[" + category + "]", days, 1));
        if (yellowPercent < 1 || yellowPercent > 99) {
            found.add(new Violation("workOrders.yellowPercent", "must be 1 to 99"));
        }
        if (maxExtensions < 0 || maxExtensions > 10) {
            found.add(new Violation("workOrders.maxExtensions", "must be 0 to 10"));
        }
        days(found, "workOrders.maxExtensionWorkingDays", maxExtensionWorkingDays, 0);
        days(found, "workOrders.sendBackWorkingDays", sendBackWorkingDays, 0);
        if (callBackTries < 1 || callBackTries > 10) {
            found.add(new Violation("workOrders.callBackTries", "must be 1 to 10"));
        }
        return found;
    }

    private static void days(List<Violation> found, String field, int days, int least) {
        if (days < least || days > MOST_WORKING_DAYS) {
            found.add(new Violation(field, "must be " + least + " to " + MOST_WORKING_DAYS + " working days"));
        }
    }
}
