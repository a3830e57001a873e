package org.aidline.intake.payment;

/** Money out to the household, or money back from it after a revocation. */
public enum PaymentKind {
    PAYMENT,
    RECOVERY
}
