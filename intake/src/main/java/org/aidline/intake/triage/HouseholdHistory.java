package org.aidline.intake.triage;

import java.util.Optional;
import org.aidline.intake.report.ReportId;

/**
 * What is known of the household when a report arrives: its fast-track grant still inside the
 * policy window, and its open case, if any. Unknown when the ID number is missing.
 */
public record HouseholdHistory(boolean known, Optional<ReportId> grantedWithinWindow, Optional<ReportId> openCase) {

    public static HouseholdHistory unknown() {
        return new HouseholdHistory(false, Optional.empty(), Optional.empty());
    }

    public static HouseholdHistory none() {
        return new HouseholdHistory(true, Optional.empty(), Optional.empty());
    }
}
