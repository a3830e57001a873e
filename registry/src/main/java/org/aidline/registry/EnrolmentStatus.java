package org.aidline.registry;

/** Where a person's enrolment in a programme stands: only ACTIVE ones are paid. */
public enum EnrolmentStatus {
    ACTIVE,
    /** Paused with a reason (a suspicious-data flag being checked, a benefit suspended): kept, not paid. */
    SUSPENDED,
    /** Over (death, moved away, no longer eligible): kept for history, never paid again. */
    ENDED
}
