package org.aidline.intake.verification;

import java.util.Collection;

/** What the registries said of a granted household. */
public enum VerificationStatus {
    /** Asked, not all answered yet. */
    PENDING,
    /** Nothing found that contradicts the hardship. */
    CLEAR,
    /** A registry holds something (a vehicle, deposits, a business...) the supervisor must look at. */
    FLAGGED,
    /** A registry could not answer in time or refused the search: the supervisor decides without it. */
    UNAVAILABLE;

    /** One status for a grant from its registries' answers: any flag first, then anything still open. */
    public static VerificationStatus summarise(Collection<VerificationStatus> answers) {
        if (answers.contains(FLAGGED)) {
            return FLAGGED;
        }
        if (answers.contains(PENDING)) {
            return PENDING;
        }
        return answers.contains(UNAVAILABLE) ? UNAVAILABLE : CLEAR;
    }
}
