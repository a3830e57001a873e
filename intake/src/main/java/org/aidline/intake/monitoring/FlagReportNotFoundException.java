package org.aidline.intake.monitoring;

/** No report with this id, or one the caller may not see (they are told the same). */
public class FlagReportNotFoundException extends RuntimeException {

    public FlagReportNotFoundException() {
        super("No report with this id, or you may not see it.");
    }
}
