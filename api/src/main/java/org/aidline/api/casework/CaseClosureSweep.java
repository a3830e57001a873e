package org.aidline.api.casework;

import org.aidline.intake.casework.CaseClosure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Closes, every period, the cases that are done but were not closed when they became so (an instance stopped in between). */
@Component
public class CaseClosureSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseClosureSweep.class);

    private final CaseClosure closure;
    private final CaseworkProperties properties;
    private volatile @Nullable Disposable running;

    public CaseClosureSweep(CaseClosure closure, CaseworkProperties properties) {
        this.closure = closure;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.closureSweepEnabled()) {
            return;
        }
        // Every instance sweeps; a case is closed once, by the statement guarded by its version.
        running = Flux.interval(properties.closureSweepPeriod(), properties.closureSweepPeriod())
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce(), 0)
                .subscribe();
    }

    Mono<Long> sweepOnce() {
        return closure.closeAllDone(properties.closureSweepPageSize()).count()
                .doOnNext(closed -> {
                    if (closed > 0) {
                        log.info("Closed {} cases that were done", closed);
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("The case closure sweep failed; the next period retries", failure);
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
