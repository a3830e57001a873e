package org.aidline.intake.grant;

import java.util.List;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Reads grants on behalf of an actor, showing each only what they may see. */
public class GrantQueries {

    private final Grants grants;

    public GrantQueries(Grants grants) {
        this.grants = grants;
    }

    /** The grant if it exists and the actor may see it; empty otherwise, so ids cannot be probed. */
    public Mono<GrantCase> find(GrantId id, Actor actor) {
        return grants.byId(id).filter(found -> found.isVisibleTo(actor));
    }

    /** Grants of a status in the supervisor's or auditor's region, oldest due first. */
    public Mono<GrantPage> withStatus(Actor staff, GrantStatus status, @Nullable GrantCursor after, int limit) {
        if (!status.hasDocumentsClock()) {
            throw new IllegalArgumentException("Only grants with a documents deadline are listed by it");
        }
        if (staff.region() == null || !staff.hasAny(Role.SUPERVISOR, Role.AUDITOR)) {
            return Mono.just(new GrantPage(List.of(), null));
        }
        return grants.withStatus(staff.region(), status, after, limit).collectList().map(rows -> GrantPage.of(rows, limit));
    }
}
