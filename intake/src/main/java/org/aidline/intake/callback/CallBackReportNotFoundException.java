package org.aidline.intake.callback;

import org.aidline.intake.report.ReportId;

/** No such report, or not one the caller may see. */
public class CallBackReportNotFoundException extends RuntimeException {

    public CallBackReportNotFoundException(ReportId report) {
        super("No report " + report.value() + " that you may see.");
    }
}
