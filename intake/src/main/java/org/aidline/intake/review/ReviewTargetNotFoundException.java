package org.aidline.intake.review;

/** No such grant or report, or none the actor may see: identifiers cannot be probed. */
public class ReviewTargetNotFoundException extends RuntimeException {

    public ReviewTargetNotFoundException(String message) {
        super(message);
    }
}
