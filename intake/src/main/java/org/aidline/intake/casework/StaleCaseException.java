package org.aidline.intake.casework;

/** The case moved on since the decider read it (If-Match): read it again and decide again. */
public class StaleCaseException extends RuntimeException {

    private final int current;

    public StaleCaseException(int current) {
        super("The case is at version " + current + " now");
        this.current = current;
    }

    public int current() {
        return current;
    }
}
