package org.aidline.intake.callback;

import java.util.List;

/** The answer breaks rules of its own: nothing was recorded. */
public class InvalidCallBackException extends RuntimeException {

    private final transient List<CallBackViolation> violations;

    public InvalidCallBackException(List<CallBackViolation> violations) {
        super("Invalid call-back: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<CallBackViolation> violations() {
        return violations;
    }
}
