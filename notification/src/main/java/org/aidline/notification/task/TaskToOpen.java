package org.aidline.notification.task;

import java.time.Instant;
import org.aidline.intake.events.ReportFiled;

/** A task to open for a report: its round (1, or the next after a reopening), when, and its clock. */
public record TaskToOpen(ReportFiled report, int round, Instant openedAt, TaskClock clock, TaskLimits limits) {
}
