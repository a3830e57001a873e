package org.aidline.registry.payroll;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;

/**
 * A month of a programme paid to every ACTIVE enrolment of the counties under {@code regionPrefix}
 * (one county when {@code countyCode} is set), with the back-payments raised standards owe them.
 */
public record Payroll(UUID id, Programme programme, YearMonth month, String regionPrefix, @Nullable String countyCode, Status status,
        String createdBy, Instant createdAt, @Nullable Instant completedAt) {

    /** RUNNING while counties are granted or the bank has not answered for all; then COMPLETED. */
    public enum Status { RUNNING, COMPLETED }
}
