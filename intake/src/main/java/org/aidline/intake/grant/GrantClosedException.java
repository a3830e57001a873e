package org.aidline.intake.grant;

/** The supervisor has confirmed or revoked the grant: nothing more is attached to it. */
public class GrantClosedException extends RuntimeException {

    private final GrantStatus status;

    public GrantClosedException(GrantId grant, GrantStatus status) {
        super("Grant " + grant + " is " + status + " and takes no more documents");
        this.status = status;
    }

    public GrantStatus status() {
        return status;
    }
}
