package org.aidline.intake.grant;

import org.aidline.intake.report.ReportId;

/** The report's subject already has a recorded ID number; it is never overwritten. */
public class IdentityAlreadyKnownException extends RuntimeException {

    public IdentityAlreadyKnownException(ReportId report) {
        super("The subject of report " + report + " already has a recorded ID number", null, false, false);
    }
}
