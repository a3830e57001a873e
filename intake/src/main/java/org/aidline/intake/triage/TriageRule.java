package org.aidline.intake.triage;

import java.util.Optional;
import org.aidline.intake.policy.Policy;

/** One rule of triage: decides, or passes to the next rule. Pure: no clock, no I/O. */
public interface TriageRule {

    Optional<Triage> decide(TriageCase report, HouseholdHistory household, Policy policy);
}
