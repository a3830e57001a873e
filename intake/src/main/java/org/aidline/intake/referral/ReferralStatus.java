package org.aidline.intake.referral;

/** Where a referral stands with its partner. */
public enum ReferralStatus {
    /** Handed over (or being delivered), not answered yet. */
    OPEN,
    /** The partner took the case on. */
    ACCEPTED,
    /** The partner will not take it. */
    DECLINED,
    /** The partner dealt with it: its outcome, and what it paid if it did. */
    DONE;

    public boolean isAnswered() {
        return this != OPEN;
    }

    /** Whether the partner may still answer (ACCEPTED may still become DONE or DECLINED). */
    public boolean isOpen() {
        return this == OPEN || this == ACCEPTED;
    }
}
