package org.aidline.intake.payment;

/** Told when a new payment instruction has been committed, so that it is sent at once rather than at the next poll. */
@FunctionalInterface
public interface PaymentsDue {

    /** Nobody listens: the poll picks the instruction up. */
    PaymentsDue NONE = () -> {
    };

    void paymentsDue();
}
