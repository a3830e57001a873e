package org.aidline.intake.report;

/** Where a report stands. */
public enum ReportStatus {
    /** Filed and stored; nothing has been decided yet. */
    RECEIVED
}
