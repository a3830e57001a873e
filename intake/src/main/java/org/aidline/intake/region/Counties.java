package org.aidline.intake.region;

import reactor.core.publisher.Flux;

/** The province's counties, the reference data other modules name them by. */
public interface Counties {

    /** Every county, by code. */
    Flux<County> all();
}
