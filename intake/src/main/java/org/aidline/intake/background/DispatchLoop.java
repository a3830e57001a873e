package org.aidline.intake.background;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a piece of due work (a dispatcher, a sweep) on this instance: at once when woken, and at
 * every poll for what other instances, restarts and backoff left due. Runs never overlap;
 * wake-ups during a run fold into one more run.
 */
public class DispatchLoop {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final String work;
    private final Supplier<Mono<Integer>> run;
    private final Flux<?> wakeups;
    private final Duration pollInterval;
    // Fresh for every start, so that a stopped loop can be started again.
    private volatile Sinks.One<Boolean> stopping = Sinks.one();
    private volatile Sinks.Empty<Void> stopped = Sinks.empty();
    private volatile Disposable running;

    /** The run emits how many items it handled; {@code work} names it in the log. */
    public DispatchLoop(String work, Supplier<Mono<Integer>> run, Flux<?> wakeups, Duration pollInterval) {
        this.work = work;
        this.run = run;
        this.wakeups = wakeups;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        Sinks.One<Boolean> stopSignal = Sinks.one();
        Sinks.Empty<Void> done = Sinks.empty();
        this.stopping = stopSignal;
        this.stopped = done;
        running = Flux.merge(wakeups.map(wake -> Boolean.TRUE), Flux.interval(Duration.ZERO, pollInterval).map(tick -> Boolean.TRUE))
                .onBackpressureLatest()
                // No new run after stop; the run under way finishes, so no claim is left to its lease.
                .takeUntilOther(stopSignal.asMono())
                .concatMap(wake -> Mono.defer(run).onErrorResume(failure -> {
                    log.warn("{} failed; the next poll tries again", work, failure);
                    return Mono.just(0);
                }), 1)
                .subscribe(handled -> {
                }, failure -> {
                    log.error("The loop of {} ended", work, failure);
                    done.tryEmitEmpty();
                }, done::tryEmitEmpty);
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
