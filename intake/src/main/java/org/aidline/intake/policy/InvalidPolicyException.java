package org.aidline.intake.policy;

import java.util.List;

/** A proposed policy breaks rules that its individual fields cannot show. */
public class InvalidPolicyException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidPolicyException(List<Violation> violations) {
        super("The policy is not consistent: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
