package org.aidline.intake.grant;

/** Another writer changed the grant or its report's history between our read and our write: read again and retry. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConcurrentChangeException(String message) {
        super(message, null, false, false);
    }
}
