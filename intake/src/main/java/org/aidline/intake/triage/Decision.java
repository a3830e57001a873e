package org.aidline.intake.triage;

/** What triage decides for a report. */
public enum Decision {
    /** Emergency: aid is granted now, documents follow. */
    FAST_TRACK,
    /** Normal review queue. */
    STANDARD,
    /** Another department handles it. */
    REFERRAL,
    /** The household already has an open case or a recent fast-track grant: linked to it. */
    DUPLICATE,
    /** Not something this assistance covers. */
    REJECTED
}
