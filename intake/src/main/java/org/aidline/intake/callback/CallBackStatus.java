package org.aidline.intake.callback;

/** Where a call-back item stands. */
public enum CallBackStatus {
    /** In the operators' queue: not yet tried, or tried without reaching the person and tries are left. */
    WAITING,
    /** The person was reached and answered. */
    ANSWERED,
    /** Every try failed to reach the person: the item is closed without an answer. */
    UNREACHED
}
