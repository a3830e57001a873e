package org.aidline.intake.casework;

/** A decision asked for while a step is still open: the step (or OBJECTION) is named so that the decider knows what waits. */
public class StepOpenException extends RuntimeException {

    private final String openStep;

    public StepOpenException(String openStep, String message) {
        super(message);
        this.openStep = openStep;
    }

    public String openStep() {
        return openStep;
    }
}
