package org.aidline.intake.grant;

/** The grant changed since the client (or this request) read it: read it again before writing. */
public class StaleGrantException extends RuntimeException {

    public StaleGrantException(GrantId grant) {
        super("Grant " + grant + " has changed since it was read", null, false, false);
    }
}
