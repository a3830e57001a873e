package org.aidline.intake.grant;

/** Where a fast-track grant stands between "granted now" and the supervisor's last word. */
public enum GrantStatus {
    /** Decided, but the subject's ID number is unknown: no payment until the coordinator records it. */
    AWAITING_IDENTITY,
    /** Paid (or being paid); the documents are owed before the deadline. */
    AWAITING_DOCUMENTS,
    /** Every required document is in; the supervisor reviews. */
    DOCUMENTED,
    /** The deadline passed without the documents; escalated to the county supervisor. */
    OVERDUE,
    /** The supervisor confirmed it, possibly at an adjusted amount. */
    CONFIRMED,
    /** The supervisor revoked it; what was paid is recovered. */
    REVOKED;

    /** Whether every grant in this status has a documents deadline, so that it can be listed oldest due first. */
    public boolean hasDocumentsClock() {
        return this == AWAITING_DOCUMENTS || this == DOCUMENTED || this == OVERDUE;
    }
}
