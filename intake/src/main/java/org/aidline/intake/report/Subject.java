package org.aidline.intake.report;

import org.jspecify.annotations.Nullable;

/**
 * The person in hardship, as given when filing. A hotline caller may not know the ID number:
 * the coordinator completes it at the visit.
 */
public record Subject(String name, @Nullable ResidentId idNumber, @Nullable PhoneNumber phone, int householdSize) {
}
