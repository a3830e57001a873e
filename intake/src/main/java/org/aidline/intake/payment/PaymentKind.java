package org.aidline.intake.payment;

/** Money out to the household, or money back from it after a revocation; or a registry programme's payout to a person. */
public enum PaymentKind {
    PAYMENT,
    RECOVERY,
    /** A payroll's monthly payment or a campaign's one-off grant (the registry's); never a payment instruction of intake. */
    PROGRAMME
}
