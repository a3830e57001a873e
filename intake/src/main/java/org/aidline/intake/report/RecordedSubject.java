package org.aidline.intake.report;

import org.jspecify.annotations.Nullable;

/** The person in hardship as a report shows them: the ID number only ever masked. */
public record RecordedSubject(String name, @Nullable String maskedIdNumber, @Nullable PhoneNumber phone, int householdSize) {
}
