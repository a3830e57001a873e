package org.aidline.intake.triage;

import org.aidline.intake.money.Money;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.jspecify.annotations.Nullable;

/** What triage looks at in a report. */
public record TriageCase(Category category, boolean urgent, Channel channel, boolean identityKnown,
        @Nullable Money requestedAmount, int householdSize) {
}
