package org.aidline.api.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.aidline.intake.grant.DocumentDeadlines;
import org.aidline.intake.grant.Escalation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the documents-deadline sweep on every instance, every period, at the injected clock's
 * time. Instances never double-escalate (the rows are claimed with SKIP LOCKED) and a restart
 * resumes from the database. Ticks that come while a sweep runs are dropped, not queued.
 */
@Component
public class OverdueDocumentsSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueDocumentsSweep.class);

    private final DocumentDeadlines deadlines;
    private final Clock clock;
    private final GrantsProperties properties;
    private volatile @Nullable Disposable running;

    public OverdueDocumentsSweep(DocumentDeadlines deadlines, Clock clock, GrantsProperties properties) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.properties = properties;
    }

    /** One sweep at {@code now}: every grant whose documents were due by then is escalated once. */
    public Flux<Escalation> escalateOverdue(Instant now) {
        return deadlines.escalateOverdue(now, properties.sweepBatchSize());
    }

    @Override
    public void start() {
        if (!properties.sweepEnabled()) {
            return;
        }
        // Flux.interval ticks on the parallel scheduler and the sweep is non-blocking R2DBC: no event loop waits.
        running = Flux.interval(Duration.ZERO, properties.sweepPeriod())
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce(), 0)
                .subscribe();
    }

    private Mono<Long> sweepOnce() {
        return escalateOverdue(clock.instant()).count()
                .doOnNext(escalated -> {
                    if (escalated > 0) {
                        log.info("Escalated {} grants with overdue documents to their county supervisors", escalated);
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("The documents-deadline sweep failed; the next period retries", failure);
                    return Mono.empty();
                });
    }

    @Override
    public void stop() {
        Disposable sweep = running;
        if (sweep != null) {
            sweep.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
