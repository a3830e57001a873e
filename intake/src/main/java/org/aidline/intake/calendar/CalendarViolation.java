package org.aidline.intake.calendar;

/** A field of a calendar change that cannot be kept, and why. */
public record CalendarViolation(String field, String message) {
}
