package org.aidline.registry.standard;

import org.jspecify.annotations.Nullable;

/**
 * What setting a standard did: the amount in force before it on its date (none for a first
 * standard), the ACTIVE enrolments recomputed, and the back-payments owed for months already paid.
 */
public record StandardChange(ProgrammeStandard standard, @Nullable Long previousAmountFen, int enrolments, int backPayments,
        long backPaymentFen) {
}
