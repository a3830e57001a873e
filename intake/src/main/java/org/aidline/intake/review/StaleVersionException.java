package org.aidline.intake.review;

/** The decision was made on a version of the grant that is no longer current. */
public class StaleVersionException extends RuntimeException {

    private final int current;

    public StaleVersionException(int current) {
        super("The grant is at version " + current + " now");
        this.current = current;
    }

    public int current() {
        return current;
    }
}
