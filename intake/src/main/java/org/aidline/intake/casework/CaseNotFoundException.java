package org.aidline.intake.casework;

/** No such report, or the actor may not see it: told the same way, so that identifiers cannot be probed. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String message) {
        super(message);
    }
}
