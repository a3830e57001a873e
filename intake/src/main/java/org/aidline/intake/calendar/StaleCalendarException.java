package org.aidline.intake.calendar;

/** The calendar changed since the version a change was based on. */
public class StaleCalendarException extends RuntimeException {

    private final int inForce;

    public StaleCalendarException(int inForce) {
        super("The calendar is now at version " + inForce);
        this.inForce = inForce;
    }

    public int inForce() {
        return inForce;
    }
}
