package org.aidline.registry.monitoring;

import org.aidline.intake.report.Category;

/** What an event is to lead to, as the county's rule decides it (a pure function: {@link EventPlans#plan}). */
public sealed interface EventPlan {

    /**
     * A report for the village: urgent when aid is to be granted with no application (intake's
     * fast track does it), merged into an earlier warning of the same cause within the window.
     */
    record FileReport(Category category, boolean urgent, boolean proactive, int mergeWindowDays, String description) implements EventPlan {
    }

    /** The person's running enrolments end on the event's day. */
    record EndEnrolments(String reason) implements EventPlan {
    }

    /** Nothing to do but remember the event, for this reason. */
    record NoAction(String reason) implements EventPlan {
    }
}
