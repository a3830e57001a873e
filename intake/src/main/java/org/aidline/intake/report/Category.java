package org.aidline.intake.report;

/** What kind of hardship a report describes. */
public enum Category {
    MEDICAL_EMERGENCY,
    ACCIDENT,
    DISASTER,
    LOSS_OF_INCOME,
    UNEMPLOYED_UNINSURED,
    UNEMPLOYED_GRADUATE,
    BASIC_LIVING,
    CHILD_WITHOUT_CARE,
    DISABILITY,
    OTHER
}
