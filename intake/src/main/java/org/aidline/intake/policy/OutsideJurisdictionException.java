package org.aidline.intake.policy;

/** The actor may see the thing but does not have authority over the whole county it belongs to. */
public class OutsideJurisdictionException extends RuntimeException {

    public OutsideJurisdictionException(String message) {
        super(message);
    }
}
