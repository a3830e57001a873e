package org.aidline.registry.monitoring;

import org.aidline.intake.money.Money;

/** Turns an event into its plan under the county's rule: no database, no clock. */
public final class EventPlans {

    private EventPlans() {
    }

    public static EventPlan plan(RegistryEvent event, EventRule rule) {
        String origin = "Registry event " + event.type() + " from " + event.key().source() + " (event " + event.key().eventId() + ") of "
                + event.occurredOn() + (event.note() == null || event.note().isBlank() ? "" : ": " + event.note().strip());
        switch (rule.action()) {
            case VISIT:
                return new EventPlan.FileReport(rule.category(), false, false, rule.mergeWindowDays(),
                        origin + ". Raised by the registry, not an application: the village coordinator visits.");
            case END_ENROLMENTS:
                return new EventPlan.EndEnrolments(origin);
            case TEMPORARY_AID:
                Money amount = event.amount();
                Money threshold = rule.threshold();
                if (amount == null || threshold == null || amount.compareTo(threshold) < 0) {
                    return new EventPlan.NoAction("Below the county's threshold for temporary aid");
                }
                String bill = " Out of pocket " + amount.yuan().toPlainString() + " yuan, at or above the county's threshold of "
                        + threshold.yuan().toPlainString() + " yuan.";
                return rule.proactive()
                        ? new EventPlan.FileReport(rule.category(), true, true, rule.mergeWindowDays(), origin + "." + bill
                                + " Proactive temporary aid (免申即享): granted with no application.")
                        : new EventPlan.FileReport(rule.category(), false, false, rule.mergeWindowDays(), origin + "." + bill
                                + " The county's rule grants no aid without review: the coordinator visits.");
            default:
                return new EventPlan.NoAction("The county's rule records this event only");
        }
    }
}
