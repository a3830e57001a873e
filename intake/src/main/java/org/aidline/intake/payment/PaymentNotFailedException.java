package org.aidline.intake.payment;

/** Only a refused (FAILED) instruction can be sent again; this one is elsewhere on its way. */
public class PaymentNotFailedException extends RuntimeException {

    private final PaymentStatus status;

    public PaymentNotFailedException(PaymentStatus status) {
        super("The payment instruction is " + status + ", not FAILED", null, false, false);
        this.status = status;
    }

    public PaymentStatus status() {
        return status;
    }
}
