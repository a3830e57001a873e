package org.aidline.intake.policy;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every version of every county's policy. */
public interface Policies {

    /** The policy in force for a county: its own latest version, or the province default's. */
    Mono<Policy> inForce(String countyCode);

    /**
     * The policy in force for a county with who set it and why; empty when no such county exists
     * ({@link Policy#PROVINCE_DEFAULT} always does).
     */
    Mono<PolicyRevision> revisionInForce(String countyCode);

    /** The county's own versions, newest first; empty for a county that has always used the province default. */
    Flux<PolicyRevision> history(String countyCode);

    /**
     * Records a new version, atomically and only if {@code basedOn} is still the policy in force for
     * the county. Emits false otherwise, including when another change took the version number first.
     */
    Mono<Boolean> add(PolicyRevision revision, PolicyVersion basedOn);
}
