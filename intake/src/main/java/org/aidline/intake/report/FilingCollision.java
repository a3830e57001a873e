package org.aidline.intake.report;

/**
 * The filing collided with another one committed meanwhile; filing again (in a new transaction)
 * gives a different, correct result: a new reference, or a DUPLICATE triage.
 */
public abstract class FilingCollision extends RuntimeException {

    protected FilingCollision(String message, Throwable cause) {
        super(message, cause);
    }
}
