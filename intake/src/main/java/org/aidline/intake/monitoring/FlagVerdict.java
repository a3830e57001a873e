package org.aidline.intake.monitoring;

/** What checking a suspicious-data flag found, as it acts on the person's benefit in the registry. */
public enum FlagVerdict {
    /** Nothing wrong: the benefit stands as it is. */
    CLEARED,
    /** The benefit is paused until the county decides more. */
    SUSPENDED,
    /** The person is no longer eligible: the benefit ends. */
    ENDED,
    /** Eligible, but for another monthly amount (the flag's programme, the new amount). */
    AMOUNT_CHANGED
}
