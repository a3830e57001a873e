package org.aidline.registry.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Every event received, the rules per county, and the warnings raised: what one event's transaction reads and writes. */
public interface RegistryEvents {

    /**
     * Records the event as received; false when its source sent it before (or another request
     * holding it committed first: the key waits for it, then refuses).
     */
    Mono<Boolean> receive(RegistryEvent event, UUID id, byte[] person, String receivedBy, Instant at);

    /** What the event did when it was received before. */
    Mono<EventResult.AlreadyReceived> earlier(EventKey key);

    /** The county's rule for the type in force on the day, else the province's. */
    Mono<EventRule> ruleFor(String countyCode, RegistryEventType type, LocalDate on);

    /**
     * Takes the person's and cause's lock for the rest of the transaction, then finds their warning
     * whose window holds the day: so that two events at once cannot both open a warning.
     */
    Mono<Warning> lockedWarning(byte[] person, RegistryEventType cause, LocalDate on);

    /** A warning opened with the report it filed. */
    Mono<Void> open(Warning warning, Instant at);

    /** Counts one more event in the warning; emits the count. */
    Mono<Integer> merge(UUID warning, Instant at);

    /** Writes what the event did. */
    Mono<Void> complete(EventKey key, String outcome, @Nullable ReportId report, @Nullable UUID warning, @Nullable Integer enrolments,
            @Nullable String detail);
}
