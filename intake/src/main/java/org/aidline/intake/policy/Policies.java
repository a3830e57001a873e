package org.aidline.intake.policy;

import reactor.core.publisher.Mono;

/** Every version of every county's policy. */
public interface Policies {

    /** The policy in force for a county: its own latest version, or the province default's. */
    Mono<Policy> inForce(String countyCode);
}
