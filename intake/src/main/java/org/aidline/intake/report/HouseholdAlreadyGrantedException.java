package org.aidline.intake.report;

/** PostgreSQL refused a second fast-track grant for a household inside the window: triage again. */
public class HouseholdAlreadyGrantedException extends FilingCollision {

    public HouseholdAlreadyGrantedException(Throwable cause) {
        super("The household already has a fast-track grant in this window", cause);
    }
}
