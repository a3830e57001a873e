package org.aidline.intake.report;

/** A freshly drawn report reference collided with an existing one; draw again. */
public class ReferenceTakenException extends FilingCollision {

    public ReferenceTakenException(Throwable cause) {
        super("The report reference is taken", cause);
    }
}
