package org.aidline.intake.report;

/** What was answered the first time a key was used, kept so a retry gets the same answer. */
public record Receipt(String fingerprint, ReportId reportId, int status, String body) {
}
