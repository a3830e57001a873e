package org.aidline.intake.casework;

/** A township's decision filed upward (备案): waiting for the county, seen by it, or overturned. */
public enum Filing {
    FILED,
    SEEN,
    OVERTURNED
}
