package org.aidline.intake.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a report, as intake publishes it. Each kind is a record of plain
 * values (its JSON is a contract with the subscribers); the next kinds (a report decided, closed,
 * sent back) join this list.
 */
public sealed interface IntakeEvent permits ReportFiled, ReportStatusChanged, CallBackRecorded, FlagOutcomeRecorded {

    /** Unique per event: a subscriber may use it to recognise one it has seen. */
    UUID id();

    UUID reportId();

    Instant occurredAt();

    /** The name stored with the event; a subscriber that does not know a kind skips it. */
    static String typeOf(IntakeEvent event) {
        return event.getClass().getSimpleName();
    }
}
