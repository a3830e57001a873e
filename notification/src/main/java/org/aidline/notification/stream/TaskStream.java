package org.aidline.notification.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.aidline.notification.delivery.Notifications;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A recipient's live stream of task events. The database is the truth: every wake-up (a signal
 * for this recipient, from any instance, or the poll) reads the events after the last one sent,
 * so a lost signal only delays an event and a reconnect with Last-Event-ID misses none.
 */
public class TaskStream {

    private static final int PAGE = 100;
    /**
     * Event numbers are drawn before commit, so a smaller one can commit after a larger one was
     * sent. Each read looks this far back and skips what this stream already sent.
     */
    private static final long LOOK_BACK = 1_000;

    private final TaskEvents events;
    private final TaskSignals signals;
    private final Notifications notifications;
    private final Clock clock;
    private final Duration poll;

    public TaskStream(TaskEvents events, TaskSignals signals, Notifications notifications, Clock clock, Duration poll) {
        this.events = events;
        this.signals = signals;
        this.notifications = notifications;
        this.clock = clock;
        this.poll = poll;
    }

    /**
     * Opens the recipient's stream: once the returned Mono has its value, the starting point is
     * fixed (after {@code lastEventId}, or after the newest event now), so nothing committed
     * from then on is missed.
     */
    public Mono<Flux<TaskEvent>> open(String recipient, @Nullable Long lastEventId) {
        Mono<Long> start = lastEventId != null ? Mono.just(lastEventId) : events.latest();
        return start.map(first -> follow(recipient, first));
    }

    private Flux<TaskEvent> follow(String recipient, long first) {
        AtomicLong last = new AtomicLong(first);
        Set<Long> sent = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > LOOK_BACK;
            }
        });
        Flux<Boolean> wakeups = Flux.merge(
                Flux.just(Boolean.TRUE),
                signals.changes().filter(recipient::equals).map(changed -> Boolean.TRUE),
                Flux.interval(poll).map(tick -> Boolean.TRUE));
        return wakeups
                .onBackpressureLatest()
                .concatMap(wake -> events.after(recipient, Math.max(first, last.get() - LOOK_BACK), PAGE + (int) LOOK_BACK)
                        .filter(event -> sent.add(event.seq()))
                        .doOnNext(event -> last.accumulateAndGet(event.seq(), Math::max))
                        .concatMap(event -> markDelivered(recipient, event)), 1);
    }

    /** The app has the task once the stream has sent it: its pushes count as delivered. */
    private Mono<TaskEvent> markDelivered(String recipient, TaskEvent event) {
        if (!"ASSIGNED".equals(event.type())) {
            return Mono.just(event);
        }
        return notifications.delivered(event.task().id().value(), recipient, clock.instant())
                .onErrorResume(failure -> Mono.just(0L))
                .thenReturn(event);
    }
}
