package org.aidline.registry.monitoring;

import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/** What became of one event of a batch. */
public sealed interface EventResult {

    /** A new warning: the report filed (triaged, and granted if fast-tracked). */
    record ReportFiled(Report report, boolean proactive) implements EventResult {
    }

    /** The same person and cause within the window: joined to the warning's report, now counting {@code events}. */
    record Merged(ReportId report, int events) implements EventResult {
    }

    /** The person's running enrolments ended: how many. */
    record EnrolmentsEnded(int enrolments) implements EventResult {
    }

    /** Recorded, nothing else, for this reason. */
    record NoAction(String reason) implements EventResult {
    }

    /** The source sent this event before: it acted then ({@code outcome}, with its report if any). */
    record AlreadyReceived(String outcome, @Nullable ReportId report) implements EventResult {
    }

    /** The feed's token is for a region that does not hold the event's village. */
    record OutsideRegion() implements EventResult {
    }

    /** No village has the event's code. */
    record UnknownVillage() implements EventResult {
    }
}
