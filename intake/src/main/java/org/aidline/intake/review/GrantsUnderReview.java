package org.aidline.intake.review;

import org.aidline.intake.grant.GrantId;
import reactor.core.publisher.Mono;

/** Grants as supervisors review them, and the writes their decisions make. */
public interface GrantsUnderReview {

    Mono<GrantUnderReview> byId(GrantId id);

    /**
     * Writes the change in one statement, if the grant is still at the version and has still the
     * paid-or-being-paid amount it was decided on; emits false otherwise, writing nothing.
     */
    Mono<Boolean> apply(GrantChange change);

    /**
     * Grants a duplicate report after all, in one statement: the report becomes fast-tracked, the
     * grant carries the override's reason, with its ledger entry, payment instruction and history.
     * Emits false, writing nothing, if the report is no longer a duplicate.
     */
    Mono<Boolean> override(FastTrackOverride override);
}
