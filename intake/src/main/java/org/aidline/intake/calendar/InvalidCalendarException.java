package org.aidline.intake.calendar;

import java.util.List;

/** A calendar change that cannot be kept, with every field that is wrong. */
public class InvalidCalendarException extends RuntimeException {

    private final List<CalendarViolation> violations;

    public InvalidCalendarException(List<CalendarViolation> violations) {
        super("The calendar cannot be kept: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<CalendarViolation> violations() {
        return violations;
    }
}
