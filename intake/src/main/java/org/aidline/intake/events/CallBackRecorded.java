package org.aidline.intake.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An operator called back the person of a closed report: {@code attempt} of the item of the report's
 * {@code closure}, reached or not, the answer, and where the item stands after it ({@code WAITING}
 * while tries are left, {@code ANSWERED}, {@code UNREACHED}). {@code reopenedRound} is the round of
 * the coordinator task the report was reopened for (an UNSATISFIED answer), null otherwise.
 */
public record CallBackRecorded(
        UUID id,
        UUID reportId,
        int closure,
        int attempt,
        boolean reached,
        @Nullable String satisfaction,
        String itemStatus,
        @Nullable Integer reopenedRound,
        Instant occurredAt) implements IntakeEvent {
}
