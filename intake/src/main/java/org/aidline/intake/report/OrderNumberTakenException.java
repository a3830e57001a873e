package org.aidline.intake.report;

/**
 * A report for this 12345 work order was filed already (the order number is unique in the
 * database): filing again would not help, the first report is the answer.
 */
public class OrderNumberTakenException extends RuntimeException {

    public OrderNumberTakenException(Throwable cause) {
        super("A report for this work order was filed already", cause);
    }
}
