package org.aidline.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import reactor.core.publisher.Mono;

/** The registry's enrolments as they change: each change with its history rows, in one statement. */
public interface EnrolmentChanges {

    /**
     * Applies the change to the enrolments of the person with this keyed ID hash; emits how many
     * changed (0 when the person is not in the registry or has none that the change applies to).
     */
    Mono<Integer> apply(byte[] person, EnrolmentChange change);

    /** Records the person's death on the member row (if the person is in the registry). */
    Mono<Void> deceased(byte[] person, LocalDate on, Instant at);
}
