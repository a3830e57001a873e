package org.aidline.intake.review;

/** What a supervisor decides about a fast-track grant once its documents are in, or overdue. */
public enum ReviewOutcome {
    /** The grant stands as it is. */
    CONFIRM,
    /** The grant stands at another amount: the difference is paid or recovered. */
    ADJUST,
    /** The grant should not have been made: what was paid is recovered. */
    REVOKE
}
