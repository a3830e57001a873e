package org.aidline.registry.monitoring;

/** The kinds of event the departments' feed sends. */
public enum RegistryEventType {
    /** A child lost their de-facto carer (public security, education): a coordinator visits. */
    CARER_LOST,
    /** A disability was certified (the disabled persons' federation): a coordinator visits. */
    DISABILITY_CERTIFIED,
    /** A death registered (public security): the person's enrolments end. */
    DEATH,
    /** A large out-of-pocket medical bill (medical insurance): temporary aid, where the county allows with no application. */
    MEDICAL_BILL
}
