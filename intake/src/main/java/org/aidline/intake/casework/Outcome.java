package org.aidline.intake.casework;

public enum Outcome {
    GRANT,
    REFUSE
}
