package org.aidline.intake.casework;

/** The case is not where this action can be taken (decided already, not an ordinary case, ...). */
public class CaseConflictException extends RuntimeException {

    public CaseConflictException(String message) {
        super(message);
    }
}
