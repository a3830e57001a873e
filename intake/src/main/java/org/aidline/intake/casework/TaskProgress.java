package org.aidline.intake.casework;

import org.aidline.intake.report.ReportId;
import reactor.core.publisher.Mono;

/**
 * Whether the coordinator's task of a report is completed. Tasks are the notification module's;
 * it answers this for intake (which may not read its tables), so that a case closes when its task does.
 */
public interface TaskProgress {

    /** True when the report has a task and every task of it is completed. */
    Mono<Boolean> completed(ReportId report);
}
