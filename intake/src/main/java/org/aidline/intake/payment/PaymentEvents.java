package org.aidline.intake.payment;

/** The report-history event types that paying out appends. */
public final class PaymentEvents {

    /** The gateway paid (or recovered) the instruction's amount. */
    public static final String PAID = "PAID";
    /** The gateway refused the instruction for good; a supervisor decides what next. */
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    /** A supervisor sent a refused instruction to the gateway again. */
    public static final String PAYMENT_RETRIED = "PAYMENT_RETRIED";

    private PaymentEvents() {
    }
}
