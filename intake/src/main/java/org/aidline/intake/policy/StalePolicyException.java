package org.aidline.intake.policy;

/** The change was based on a policy version that is no longer the one in force. */
public class StalePolicyException extends RuntimeException {

    private final PolicyVersion inForce;

    public StalePolicyException(PolicyVersion inForce) {
        super("The policy in force is now " + inForce);
        this.inForce = inForce;
    }

    public PolicyVersion inForce() {
        return inForce;
    }
}
