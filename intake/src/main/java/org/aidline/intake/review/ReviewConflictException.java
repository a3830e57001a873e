package org.aidline.intake.review;

/** The grant or report is not in a state that allows this decision (already reviewed, revoked, not a duplicate, ...). */
public class ReviewConflictException extends RuntimeException {

    public ReviewConflictException(String message) {
        super(message);
    }
}
