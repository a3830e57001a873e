package org.aidline.intake.payment;

/** Where a payment instruction stands on its way to the household. */
public enum PaymentStatus {
    /** Due at its next attempt time. */
    PENDING,
    /** Claimed by a dispatcher until its next attempt time (the lease); re-taken if that passes. */
    SENDING,
    /** The gateway has it and will answer later; its status is asked again at the next attempt time. */
    SENT,
    /** The gateway paid it; final, ledgered once. */
    PAID,
    /** The gateway refused it for good; waits for a supervisor to retry it. */
    FAILED
}
