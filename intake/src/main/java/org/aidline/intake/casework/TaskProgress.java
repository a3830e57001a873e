package org.aidline.intake.casework;

import org.aidline.intake.report.ReportId;
import reactor.core.publisher.Mono;

/**
 * Whether the coordinator's task of a report is completed. Tasks are the notification module's;
 * it answers this for intake (which may not read its tables), so that a case closes when its task does.
 */
public interface TaskProgress {

    /**
     * True when the report has a task of {@code round} (or later) and every task of it is completed:
     * a reopened report's new task may not be open yet when its case is looked at.
     */
    Mono<Boolean> completed(ReportId report, int round);
}
