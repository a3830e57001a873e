package org.aidline.notification.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import org.aidline.intake.background.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Empties the 12345 outbox: first queues what the coordinators' tasks did since last time, then
 * claims due deliveries (SKIP LOCKED under a lease, so instances share the work and never send one
 * twice at once), POSTs each to the platform's webhook and records the outcome: delivered, refused
 * for good (a dead letter), or tried again with backoff until the attempts run out.
 */
public class PlatformDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PlatformDispatcher.class);

    /** How many deliveries a round claims and sends at once, how long a claim lasts, how patiently the platform is tried. */
    public record Settings(int batchSize, int concurrency, Duration lease, int maxAttempts, Backoff backoff) {
    }

    private final PlatformDeliveries deliveries;
    private final PlatformWebhook webhook;
    private final Settings settings;
    private final Clock clock;
    private final DoubleSupplier random;

    public PlatformDispatcher(PlatformDeliveries deliveries, PlatformWebhook webhook, Settings settings, Clock clock, DoubleSupplier random) {
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** One round: the task changes, then every due delivery; emits how many items were handled. */
    public Mono<Integer> dispatchDue() {
        // Until a claim comes back empty: an order's next change becomes due only once the one before it is delivered.
        Mono<Integer> sent = batch().expand(handled -> handled > 0 ? batch() : Mono.empty()).reduce(0, Integer::sum);
        return followTasks().flatMap(followed -> sent.map(handled -> followed + handled));
    }

    /** Queues what the work orders' coordinator tasks did since last time; emits how many task events were read. */
    public Mono<Integer> followTasks() {
        return follow().expand(read -> read == settings.batchSize() ? follow() : Mono.empty()).reduce(0, Integer::sum);
    }

    private Mono<Integer> follow() {
        return deliveries.followTaskEvents(PlatformChange.OF_TASK_EVENT, settings.batchSize());
    }

    private Mono<Integer> batch() {
        Instant now = now();
        UUID claim = UUID.randomUUID();
        return deliveries.claimDue(now, now.plus(settings.lease()), claim, settings.batchSize())
                .collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed).flatMap(delivery -> deliver(delivery, claim), settings.concurrency())
                        .then(Mono.just(claimed.size())));
    }

    private Mono<Void> deliver(PlatformDelivery delivery, UUID claim) {
        return webhook.deliver(delivery)
                .flatMap(outcome -> {
                    Instant now = now();
                    switch (outcome.kind()) {
                        case DELIVERED:
                            return deliveries.delivered(delivery.id(), claim, outcome.detail(), now);
                        case REFUSED:
                            log.warn("12345 change {} of order {} refused by the platform for good: {}", delivery.change(),
                                    delivery.orderNumber(), outcome.detail());
                            return deliveries.failed(delivery.id(), claim, outcome.detail(), now);
                        default:
                            if (delivery.attempts() >= settings.maxAttempts()) {
                                log.warn("12345 change {} of order {} given up after {} attempts: {}", delivery.change(),
                                        delivery.orderNumber(), delivery.attempts(), outcome.detail());
                                return deliveries.failed(delivery.id(), claim, outcome.detail(), now);
                            }
                            Instant retryAt = now.plus(settings.backoff().delayBefore(delivery.attempts(), random.getAsDouble()));
                            log.info("12345 change {} of order {}: attempt {} failed ({}); next at {}", delivery.change(),
                                    delivery.orderNumber(), delivery.attempts(), outcome.detail(), retryAt);
                            return deliveries.retryAt(delivery.id(), claim, outcome.detail(), retryAt);
                    }
                })
                .onErrorResume(failure -> {
                    // The claim stays until its lease ends; then this change is taken again.
                    log.warn("12345 change {} of order {} could not be recorded; it is retried after its lease", delivery.change(),
                            delivery.orderNumber(), failure);
                    return Mono.empty();
                });
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: a time written now compares equal when read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
