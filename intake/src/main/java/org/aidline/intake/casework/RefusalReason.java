package org.aidline.intake.casework;

/** Why an ordinary case is refused, as the citizen is told it in writing (in their language; the decider adds the basis). */
public enum RefusalReason {
    /** The household's income is above the county's standard. */
    INCOME_ABOVE_STANDARD,
    /** The household's assets are above what the rules allow. */
    ASSETS_ABOVE_LIMIT,
    /** The hardship is not of a kind temporary aid covers, or is not confirmed by the investigation. */
    HARDSHIP_NOT_CONFIRMED,
    /** The household does not live in the county. */
    NOT_RESIDENT,
    /** Another programme or department covers the need. */
    COVERED_ELSEWHERE,
    /** The household was helped for the same hardship within the policy's window. */
    RECENTLY_HELPED,
    /** Another reason, stated in the decision's note. */
    OTHER
}
