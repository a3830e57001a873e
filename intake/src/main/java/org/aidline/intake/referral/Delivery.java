package org.aidline.intake.referral;

/** How far the referral's hand-over to its partner got. */
public enum Delivery {
    /** A partner reached by hand: nothing to send. */
    MANUAL,
    /** Waiting in the outbox to be sent (again). */
    PENDING,
    /** The partner's webhook took it. */
    SENT,
    /** The webhook refused it for good; staff hand it over by hand. */
    FAILED
}
