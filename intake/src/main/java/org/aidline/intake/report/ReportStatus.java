package org.aidline.intake.report;

import org.aidline.intake.triage.Decision;

/** Where a report stands. */
public enum ReportStatus {
    /** Stored; not yet triaged (only ever seen inside the filing transaction). */
    RECEIVED,
    /** An emergency: aid granted, documents follow. */
    FAST_TRACKED,
    /** In the normal review queue. */
    IN_REVIEW,
    /** Handed to another department. */
    REFERRED,
    /** Linked to the household's open case or recent grant. */
    DUPLICATE,
    /** Not covered by this assistance. */
    REJECTED,
    /** An ordinary case decided (granted or refused): being completed (payment, the coordinator's task). */
    DECIDED,
    /** Done with: decided, every step done, the coordinator's task completed; or final at triage. */
    CLOSED,
    /** Closed, then reopened (重办) by an unsatisfied call-back: a new coordinator task handles it again, then it closes again. */
    REOPENED;

    public static ReportStatus after(Decision decision) {
        return switch (decision) {
            case FAST_TRACK -> FAST_TRACKED;
            case STANDARD -> IN_REVIEW;
            case REFERRAL -> REFERRED;
            case DUPLICATE -> DUPLICATE;
            case REJECTED -> REJECTED;
        };
    }

    /** A case still being worked on, which a new report of the same household joins. */
    public boolean isOpen() {
        return this == FAST_TRACKED || this == IN_REVIEW || this == DECIDED || this == REOPENED;
    }
}
