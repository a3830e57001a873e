package org.aidline.intake.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A county supervisor recorded what checking a suspicious-data flag found ({@code outcome}: CLEARED,
 * SUSPENDED, ENDED, AMOUNT_CHANGED), closing the flag's report. {@code subjectKey} is the keyed hash
 * (Base64) of the subject's ID number, the key the registry matches people by; null when the flag
 * named no ID number. {@code programme} narrows the outcome to one programme (null: every one);
 * {@code amountFen} is the new monthly amount of an AMOUNT_CHANGED outcome.
 */
public record FlagOutcomeRecorded(
        UUID id,
        UUID reportId,
        String source,
        String flagId,
        String outcome,
        @Nullable String programme,
        @Nullable Long amountFen,
        @Nullable String subjectKey,
        String countyCode,
        String villageCode,
        String note,
        String recordedBy,
        Instant occurredAt) implements IntakeEvent {
}
