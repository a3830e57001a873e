package org.aidline.registry.campaign;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The campaigns, and the start of their runs. */
public interface Campaigns {

    Mono<Campaign> create(Campaign campaign);

    Mono<Campaign> find(UUID id);

    /**
     * RUNNING, with a pending unit for every county under its region that has people to pay; a
     * county done before is granted again (finding only whom it has not paid). Idempotent.
     */
    Mono<Campaign> start(Campaign campaign, Instant now);
}
