package org.aidline.intake.report;

/** A resident ID number that is malformed, names an impossible birth date or fails its check digit. */
public class InvalidResidentIdException extends IllegalArgumentException {

    public InvalidResidentIdException(String message) {
        super(message);
    }
}
