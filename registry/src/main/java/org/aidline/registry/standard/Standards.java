package org.aidline.registry.standard;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The standards of the counties, and their application to the enrolments. */
public interface Standards {

    /** Every standard of the county, by programme and date. */
    Flux<ProgrammeStandard> of(String countyCode);

    /**
     * Sets the standard and, in the same transaction, recomputes the county's ACTIVE enrolments of
     * the programme (one statement, history kept) and records what the months already paid at the old
     * amount are owed. Refused when a later standard of the programme is already set.
     */
    Mono<StandardChange> set(ProgrammeStandard standard);
}
