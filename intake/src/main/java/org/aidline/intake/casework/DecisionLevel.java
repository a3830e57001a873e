package org.aidline.intake.casework;

/** Where a case is decided: the township within its cap, the county above it (and over every township's filed decision). */
public enum DecisionLevel {
    TOWNSHIP,
    COUNTY
}
