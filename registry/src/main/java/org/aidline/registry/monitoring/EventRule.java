package org.aidline.registry.monitoring;

import java.time.LocalDate;
import org.aidline.intake.money.Money;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/**
 * A county's rule for events of one type, in force from a date: the action, the category of the
 * report it files, the window within which warnings for the same person merge, and for temporary
 * aid the threshold and whether aid comes with no application.
 */
public record EventRule(String countyCode, RegistryEventType type, LocalDate effectiveFrom, EventAction action,
        @Nullable Category category, int mergeWindowDays, @Nullable Money threshold, boolean proactive) {

    public EventRule {
        if ((action == EventAction.VISIT || action == EventAction.TEMPORARY_AID) && category == null) {
            throw new IllegalArgumentException("A rule that files a report names its category");
        }
        if (action == EventAction.TEMPORARY_AID && threshold == null) {
            throw new IllegalArgumentException("A temporary-aid rule has a threshold");
        }
        if (mergeWindowDays < 0) {
            throw new IllegalArgumentException("A merge window is not negative");
        }
    }

    /** What applies where no rule was ever written for the type: the event is recorded only. */
    public static EventRule none(String countyCode, RegistryEventType type) {
        return new EventRule(countyCode, type, LocalDate.of(2000, 1, 1), EventAction.NONE, null, 0, null, false);
    }
}
