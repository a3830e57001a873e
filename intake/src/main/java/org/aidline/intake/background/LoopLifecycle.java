package org.aidline.intake.background;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

/**
 * Starts a loop once the context (and its migrations) is ready, and stops it before the database
 * pool closes: the run under way may finish within the grace, after which it is left to the leases.
 */
public final class LoopLifecycle implements SmartLifecycle {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final @Nullable DispatchLoop loop;
    private volatile boolean running;

    /** Without a loop (the work is switched off) this only reports itself running. */
    public LoopLifecycle(@Nullable DispatchLoop loop) {
        this.loop = loop;
    }

    @Override
    public void start() {
        if (loop != null) {
            loop.start();
        }
        running = true;
    }

    /** Returns once the run under way has finished (or the grace is over). */
    @Override
    public void stop() {
        CountDownLatch stopped = new CountDownLatch(1);
        stop(stopped::countDown);
        try {
            stopped.await(STOP_GRACE.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(Runnable callback) {
        DispatchLoop stopping = loop;
        Mono<Void> finished = stopping == null ? Mono.empty() : stopping.stop().timeout(STOP_GRACE).onErrorResume(late -> {
            stopping.abandon();
            return Mono.empty();
        });
        finished.doFinally(signal -> {
            running = false;
            callback.run();
        }).subscribe();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
