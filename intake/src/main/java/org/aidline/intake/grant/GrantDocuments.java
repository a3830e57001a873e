package org.aidline.intake.grant;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.aidline.intake.access.Actor;
import org.aidline.intake.report.Attachment;
import org.aidline.intake.report.ReportEvent;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Documents later: the citizen or the village coordinator attaches what the grant needs. A
 * write names the version it was decided on (the ETag the client saw), so an offline client
 * replaying an old change never overwrites a newer state.
 */
public class GrantDocuments {

    private final Grants grants;
    private final Clock clock;

    public GrantDocuments(Grants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * Attaches the documents if the grant's current version is one of {@code expectedVersions}.
     * Empty if the actor may not see the grant; errors with {@link StaleGrantException},
     * {@link GrantClosedException} or {@link ActionNotAllowedException}.
     */
    public Mono<GrantCase> attach(GrantId id, Actor actor, Set<Integer> expectedVersions, List<Attachment> documents) {
        return Mono.defer(() -> grants.byId(id).filter(found -> found.isVisibleTo(actor))
                        .flatMap(current -> attach(current, actor, expectedVersions, documents)))
                // Only a collision of history sequences with another writer lands here; the grant itself is unchanged.
                .retryWhen(Retry.max(3).filter(ConcurrentChangeException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<GrantCase> attach(GrantCase current, Actor actor, Set<Integer> expectedVersions, List<Attachment> documents) {
        if (!current.mayAttachDocuments(actor)) {
            return Mono.error(new ActionNotAllowedException("Only the citizen who filed the report or the village's coordinator attaches documents."));
        }
        Grant read = current.grant();
        if (!expectedVersions.contains(read.version())) {
            return Mono.error(new StaleGrantException(read.id()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<GrantDocument> added = documents.stream()
                .map(document -> new GrantDocument(document.type(), document.sha256(), document.size(), document.uri(), actor.subject(), now))
                .toList();
        Grant attached = read.attach(added);
        List<ReportEvent> events = GrantEvents.attached(read, attached, added, actor.subject(), now);
        return grants.attach(read, attached, events)
                .map(version -> current.with(attached.stored(version)))
                .switchIfEmpty(Mono.error(() -> new StaleGrantException(read.id())));
    }
}
