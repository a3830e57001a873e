package org.aidline.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.aidline.intake.personaldata.ProtectedName;
import reactor.core.publisher.Mono;

/** The registry's enrolments as they change: each change with its history rows, in one statement. */
public interface EnrolmentChanges {

    /**
     * Applies the change to the enrolments of the person with this keyed ID hash; emits how many
     * changed (0 when the person is not in the registry or has none that the change applies to).
     */
    Mono<Integer> apply(byte[] person, EnrolmentChange change);

    /** The report's case if its standing decision granted a minimum-living application (BASIC_LIVING) of a known person. */
    Mono<DecidedCase> grantedMinimumLiving(UUID report);

    /**
     * Enrols the case's person in the minimum-living allowance (a household and member of their own
     * if the registry has none), or makes their enrolment ACTIVE again; nothing when it is ACTIVE
     * already. Emits whether an enrolment changed (with its history row, source DECISION).
     */
    Mono<Boolean> enrol(DecidedCase decided, ProtectedName name, Instant at);

    /** Records the person's death on the member row (if the person is in the registry). */
    Mono<Void> deceased(byte[] person, LocalDate on, Instant at);
}
