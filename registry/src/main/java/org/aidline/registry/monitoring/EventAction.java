package org.aidline.registry.monitoring;

/** What a county's rule makes of an event of a type. */
public enum EventAction {
    /** A MONITORING report for the village coordinator to visit. */
    VISIT,
    /** Every running enrolment of the person ends (a death); no report. */
    END_ENROLMENTS,
    /** From the threshold on, a report for temporary aid: fast-tracked with no application where the rule is proactive. */
    TEMPORARY_AID,
    /** Recorded, nothing more. */
    NONE
}
