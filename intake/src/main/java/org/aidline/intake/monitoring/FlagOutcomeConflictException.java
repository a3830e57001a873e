package org.aidline.intake.monitoring;

/** The report is not a flag's, or its flag has an outcome already: an outcome is recorded once. */
public class FlagOutcomeConflictException extends RuntimeException {

    public FlagOutcomeConflictException(String message) {
        super(message);
    }
}
