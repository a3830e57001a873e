package org.aidline.intake.casework;

/** Which steps a case owes: an ordinary case before its decision, an emergency after its payment. */
public enum CaseKind {
    ORDINARY,
    EMERGENCY,
    /** Referred, duplicate or rejected at triage: no steps of its own. */
    NONE
}
