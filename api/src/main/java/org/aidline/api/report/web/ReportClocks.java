package org.aidline.api.report.web;

import org.aidline.api.report.web.ReportResponse.WorkOrderView;
import org.aidline.intake.report.ReportId;
import reactor.core.publisher.Mono;

/**
 * The clock of a report's coordinator task, for the report's answer: a port, so that the report's
 * web face does not reach into the module that keeps tasks. Empty before the task is open.
 */
public interface ReportClocks {

    Mono<WorkOrderView> of(ReportId report);
}
