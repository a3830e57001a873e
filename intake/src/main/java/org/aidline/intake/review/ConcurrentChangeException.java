package org.aidline.intake.review;

/** Someone else changed the grant or report between reading it and writing the decision: read again, decide again. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException() {
        super("The grant or report changed while the decision was being written; read it again and decide again.");
    }
}
