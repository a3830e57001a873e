package org.aidline.intake.report;

import org.aidline.intake.policy.Policy;
import org.aidline.intake.triage.HouseholdHistory;

/** What triage needs beyond the report: the county's policy in force and the household's history, read together. */
public record FilingContext(Policy policy, HouseholdHistory household) {
}
