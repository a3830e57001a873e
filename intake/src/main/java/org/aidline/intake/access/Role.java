package org.aidline.intake.access;

/** The roles of the people who use Aidline (MISSION.md, "Who uses it"). */
public enum Role {
    CITIZEN,
    OPERATOR,
    COORDINATOR,
    SUPERVISOR,
    AUDITOR,
    /** A machine client: the bank payment gateway posting disbursement results. */
    PAYMENT_GATEWAY,
    /** A machine client: the provincial monitoring platform, which sends suspicious-data flags. */
    MONITOR,
    /** A machine client: a department or charity answering the referrals made to it (its code in the token's partner claim). */
    PARTNER,
    /** A machine client: the provincial 12345 hotline platform, filing work orders province-wide (no region). */
    HOTLINE_PLATFORM,
    /** A machine client: the departments' registry feed (imports of people in assistance, registry events). */
    REGISTRY_FEED;

    public boolean isStaff() {
        return this != CITIZEN && this != PAYMENT_GATEWAY && this != PARTNER && this != HOTLINE_PLATFORM && this != REGISTRY_FEED;
    }
}
