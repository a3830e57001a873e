package org.aidline.intake.grant;

/** The actor may see the grant or report but not do this to it (e.g. an operator attaching documents). */
public class ActionNotAllowedException extends RuntimeException {

    public ActionNotAllowedException(String message) {
        super(message, null, false, false);
    }
}
