package org.aidline.intake.callback;

/** How the person called back judged the handling of their report (the 12345 platform's three answers). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED;

    /** Whether the answer counts as satisfied in the rates evaluators read (满意率: satisfied and basically satisfied). */
    public boolean isSatisfied() {
        return this != UNSATISFIED;
    }
}
