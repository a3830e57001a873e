package org.aidline.api.verification;

import org.aidline.intake.verification.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs verification rounds on an interval, on every instance: rows are claimed with SKIP LOCKED,
 * so instances share the work. A failed round is logged and the next one goes on.
 */
@Component
class VerificationRounds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerificationRounds.class);

    private final Verifier verifier;
    private final VerificationProperties properties;
    private Disposable rounds;

    VerificationRounds(Verifier verifier, VerificationProperties properties) {
        this.verifier = verifier;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.registries().isEmpty()) {
            log.info("No verification registries configured: granted households are not checked against registries");
            return;
        }
        rounds = Flux.interval(properties.pollInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> verifier.runOnce().onErrorResume(failure -> {
                    log.warn("Verification round failed: {}", failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        if (rounds != null) {
            rounds.dispose();
            rounds = null;
        }
    }

    @Override
    public boolean isRunning() {
        return rounds != null && !rounds.isDisposed();
    }
}
