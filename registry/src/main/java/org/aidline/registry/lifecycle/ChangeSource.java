package org.aidline.registry.lifecycle;

/** Where a change of an enrolment came from, as its history names it. */
public enum ChangeSource {
    /** A department's registry event (a death). */
    REGISTRY_EVENT,
    /** The outcome of checking a suspicious-data flag, recorded by a county supervisor. */
    FLAG_OUTCOME,
    /** A decision of the ordinary path that granted a minimum-living application. */
    DECISION
}
