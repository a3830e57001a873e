package org.aidline.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aidline.notification.device.PushService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends due notifications and records what came of each. A claim under a lease keeps two
 * dispatchers (two instances) from sending the same notification at once; an outcome is recorded
 * only by the claim's holder, so a dispatcher that lost its lease cannot overwrite a later one.
 */
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final Notifications notifications;
    private final Map<PushService, PushSender> pushers = new EnumMap<>(PushService.class);
    private final SmsSender sms;
    private final DeliverySettings settings;
    private final Consumer<String> hasNews;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Timer waited;

    /** {@code hasNews} is told of each recipient claimed, so that their live stream shows the task at once. */
    public NotificationDispatcher(Notifications notifications, List<PushSender> pushers, SmsSender sms, DeliverySettings settings,
            Consumer<String> hasNews, Clock clock, DoubleSupplier random, MeterRegistry meters) {
        this.notifications = notifications;
        pushers.forEach(sender -> this.pushers.put(sender.service(), sender));
        this.sms = sms;
        this.settings = settings;
        this.hasNews = hasNews;
        this.clock = clock;
        this.random = random;
        this.waited = Timer.builder("aidline.notification.wait")
                .description("From a notification queued (its task routed or escalated) to the provider taking it")
                .tag("outcome", "sent")
                // Buckets at the promises a supervisor reads: a coordinator has the push within 200 ms of the filing.
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(meters);
    }

    /** Dispatches everything due now, batch after batch; emits how many notifications were handled. */
    public Mono<Integer> dispatchDue() {
        return batch()
                .expand(handled -> handled == settings.batchSize() ? batch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    /**
     * Sends now the queued notifications of these reports' tasks (just opened on this instance), rather
     * than at the next wake-up of the loop; emits how many. What another dispatcher claimed first is its.
     */
    public Mono<Integer> dispatchFor(List<UUID> reportIds) {
        return deliverAll(notifications.claimQueuedFor(reportIds, now(), settings.lease()));
    }

    private Mono<Integer> batch() {
        return deliverAll(notifications.claimDue(now(), settings.lease(), settings.batchSize()));
    }

    private Mono<Integer> deliverAll(Flux<ClaimedNotification> claims) {
        return claims
                .collectList()
                .doOnNext(claimed -> claimed.stream().map(ClaimedNotification::recipient).distinct().forEach(hasNews))
                .flatMap(claimed -> Flux.fromIterable(claimed)
                        .flatMap(this::deliver, settings.concurrency())
                        .then(Mono.just(claimed.size())));
    }

    /** One notification, sent and recorded; never fails (an unrecorded one is taken again after its lease). */
    Mono<Void> deliver(ClaimedNotification claimed) {
        return send(claimed)
                .onErrorResume(failure -> Mono.just(DeliveryOutcome.retry("not sent: " + failure, null)))
                .flatMap(outcome -> record(claimed, outcome))
                .onErrorResume(failure -> {
                    log.warn("Notification {} could not be recorded; it is taken again after its lease", claimed.id(), failure);
                    return Mono.empty();
                })
                .then();
    }

    private Mono<DeliveryOutcome> send(ClaimedNotification claimed) {
        if (claimed.address() == null) {
            return Mono.just(DeliveryOutcome.failed("no address: the device is retired or the recipient has no phone"));
        }
        if (claimed.channel() == DeliveryChannel.SMS) {
            return sms.text(claimed.address(), claimed.message());
        }
        PushSender sender = claimed.service() == null ? null : pushers.get(claimed.service());
        return sender == null
                ? Mono.just(DeliveryOutcome.failed("no sender for push service " + claimed.service()))
                : sender.push(claimed.address(), claimed.message());
    }

    private Mono<Boolean> record(ClaimedNotification claimed, DeliveryOutcome outcome) {
        Instant now = now();
        switch (outcome.kind()) {
            case SENT:
                waited.record(Duration.between(claimed.queuedAt(), now));
                return notifications.sent(claimed, outcome, now);
            case RETIRE_DEVICE:
                log.info("Notification {}: device retired ({})", claimed.id(), outcome.detail());
                return notifications.failed(claimed, outcome, true, now);
            case FAILED:
                log.warn("Notification {} failed for good: {}", claimed.id(), outcome.detail());
                return notifications.failed(claimed, outcome, false, now);
            default:
                if (claimed.attempt() >= settings.maxAttempts()) {
                    log.warn("Notification {} failed after {} attempts: {}", claimed.id(), claimed.attempt(), outcome.detail());
                    return notifications.failed(claimed, outcome, false, now);
                }
                Duration wait = settings.backoff().delayBefore(claimed.attempt(), random.getAsDouble());
                if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) {
                    wait = outcome.retryAfter();
                }
                log.info("Notification {} attempt {} failed ({}); next in {}", claimed.id(), claimed.attempt(), outcome.detail(), wait);
                return notifications.retryAt(claimed, outcome, now.plus(wait), now);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
