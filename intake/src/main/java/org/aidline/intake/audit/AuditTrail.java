package org.aidline.intake.audit;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The trail: read it, seal it, verify it, and record reads of personal data (changes record themselves). */
public interface AuditTrail {

    /** Events matching the query, oldest first. */
    Flux<AuditEvent> find(AuditQuery query);

    /** Seals committed events into the chain, up to {@code limit}; emits how many. */
    Mono<Integer> seal(int limit);

    /** Recomputes the whole chain. */
    Mono<ChainVerification> verify();

    /** A full ID number (or other unmasked personal data) was shown: recorded like a change, under the request's actor. */
    Mono<Void> personalDataRead(String entityType, String entityId, String countyCode, String purpose);
}
