package org.aidline.intake.payment;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs the dispatcher on this instance: at once when a payment is committed here, and at every
 * poll for what other instances, restarts and backoff left due. Runs never overlap; wake-ups
 * during a run fold into one more run.
 */
public class DispatchLoop {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final PaymentDispatcher dispatcher;
    private final Flux<Boolean> wakeups;
    private final Duration pollInterval;
    private final Sinks.One<Boolean> stopping = Sinks.one();
    private final Sinks.Empty<Void> stopped = Sinks.empty();
    private volatile Disposable running;

    public DispatchLoop(PaymentDispatcher dispatcher, Flux<Boolean> wakeups, Duration pollInterval) {
        this.dispatcher = dispatcher;
        this.wakeups = wakeups;
        this.pollInterval = pollInterval;
    }

    public void start() {
        running = Flux.merge(wakeups, Flux.interval(Duration.ZERO, pollInterval).map(tick -> Boolean.TRUE))
                .onBackpressureLatest()
                // No new run after stop; the run under way finishes, so no claim is left to its lease.
                .takeUntilOther(stopping.asMono())
                .concatMap(wake -> dispatcher.dispatchDue().onErrorResume(failure -> {
                    log.warn("Dispatching payments failed; the next poll tries again", failure);
                    return Mono.just(0);
                }), 1)
                .subscribe(handled -> {
                }, failure -> {
                    log.error("The payment dispatch loop ended", failure);
                    stopped.tryEmitEmpty();
                }, stopped::tryEmitEmpty);
    }

    /** Stops taking new runs; completes once the run under way has finished. */
    public Mono<Void> stop() {
        stopping.tryEmitValue(Boolean.TRUE);
        return stopped.asMono();
    }

    /** Stops at once, abandoning the run under way to the leases. */
    public void abandon() {
        Disposable loop = running;
        if (loop != null) {
            loop.dispose();
        }
    }
}
