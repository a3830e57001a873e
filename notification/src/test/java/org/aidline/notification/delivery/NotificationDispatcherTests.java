package org.aidline.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.aidline.intake.background.Backoff;
import org.aidline.intake.region.RegionScope;
import org.aidline.notification.device.PushService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dispatcher's decisions, against an outbox that remembers what it was told. */
class NotificationDispatcherTests {

    static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    static final Duration QUEUED_FOR = Duration.ofMillis(140);
    final RecordingOutbox outbox = new RecordingOutbox();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeliverySettings settings = new DeliverySettings(10, 4, Duration.ofSeconds(30), 3, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)));

    @Test
    void aSentPushIsRecordedAsSent() {
        dispatch(push(1), DeliveryOutcome.sent("projects/p/messages/1", "FCM 200"));
        assertThat(outbox.calls).containsExactly("sent");
    }

    @Test
    void howLongASentNotificationWaitedIsMeasuredFromWhenItWasQueued() {
        dispatch(push(1), DeliveryOutcome.sent("projects/p/messages/1", "FCM 200"));
        dispatch(push(1), DeliveryOutcome.retry("FCM 503", null));
        Timer waited = meters.get("aidline.notification.wait").timer();
        assertThat(waited.count()).isEqualTo(1);
        assertThat(waited.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(QUEUED_FOR.toMillis());
    }

    @Test
    void aRetryWaitsTheBackoffOrTheProvidersRetryAfterWhicheverIsLonger() {
        dispatch(push(1), DeliveryOutcome.retry("FCM 503", null));
        assertThat(outbox.nextAttempts).containsExactly(NOW.plus(Duration.ofMillis(500)));

        dispatch(push(1), DeliveryOutcome.retry("FCM 429", Duration.ofSeconds(20)));
        assertThat(outbox.nextAttempts.get(1)).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void theLastAttemptFailsForGood() {
        dispatch(push(3), DeliveryOutcome.retry("FCM 503", null));
        assertThat(outbox.calls).containsExactly("failed");
    }

    @Test
    void aDeadTokenRetiresTheDeviceAndABadMessageDoesNot() {
        dispatch(push(1), DeliveryOutcome.retireDevice("UNREGISTERED"));
        dispatch(push(1), DeliveryOutcome.failed("INVALID_ARGUMENT"));
        assertThat(outbox.calls).containsExactly("failed+retire", "failed");
    }

    @Test
    void aSenderThatThrowsIsARetryNotALostNotification() {
        PushSender broken = new PushSender() {
            @Override
            public PushService service() {
                return PushService.FCM;
            }

            @Override
            public Mono<DeliveryOutcome> push(String deviceToken, TaskMessage message) {
                return Mono.error(new IllegalStateException("boom"));
            }
        };
        new NotificationDispatcher(outbox, List.of(broken), (phone, message) -> Mono.never(), settings, recipient -> {
        }, Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.0, meters).deliver(push(1)).block();
        assertThat(outbox.calls).containsExactly("retry");
    }

    private void dispatch(ClaimedNotification claimed, DeliveryOutcome outcome) {
        PushSender sender = new PushSender() {
            @Override
            public PushService service() {
                return PushService.FCM;
            }

            @Override
            public Mono<DeliveryOutcome> push(String deviceToken, TaskMessage message) {
                return Mono.just(outcome);
            }
        };
        new NotificationDispatcher(outbox, List.of(sender), (phone, message) -> Mono.just(outcome), settings, recipient -> {
        }, Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.0, meters).deliver(claimed).block();
    }

    private static ClaimedNotification push(int attempt) {
        TaskMessage message = new TaskMessage(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "REF", "ACCIDENT", "village", true, TaskMessage.ASSIGNED);
        return new ClaimedNotification(message.notificationId(), UUID.randomUUID(), "coord-640521001001", DeliveryChannel.PUSH, attempt,
                UUID.randomUUID(), PushService.FCM, "token", message, NOW.minus(QUEUED_FOR));
    }

    static final class RecordingOutbox implements Notifications {

        @Override
        public Flux<ClaimedNotification> claimQueuedFor(List<UUID> reportIds, Instant now, Duration lease) {
            return Flux.empty();
        }


        final List<String> calls = new ArrayList<>();
        final List<Instant> nextAttempts = new ArrayList<>();

        @Override
        public Flux<ClaimedNotification> claimDue(Instant now, Duration lease, int limit) {
            return Flux.empty();
        }

        @Override
        public Mono<Boolean> sent(ClaimedNotification claimed, DeliveryOutcome outcome, Instant at) {
            calls.add("sent");
            return Mono.just(true);
        }

        @Override
        public Mono<Boolean> retryAt(ClaimedNotification claimed, DeliveryOutcome outcome, Instant next, Instant at) {
            calls.add("retry");
            nextAttempts.add(next);
            return Mono.just(true);
        }

        @Override
        public Mono<Boolean> failed(ClaimedNotification claimed, DeliveryOutcome outcome, boolean retireDevice, Instant at) {
            calls.add(retireDevice ? "failed+retire" : "failed");
            return Mono.just(true);
        }

        @Override
        public Mono<Long> delivered(UUID taskId, String recipient, Instant at) {
            return Mono.just(0L);
        }

        @Override
        public Flux<DeliveryRecord> ofTask(UUID taskId) {
            return Flux.empty();
        }

        @Override
        public Flux<DeliveryRecord> deadLetters(RegionScope region, @Nullable Instant before, int limit) {
            return Flux.empty();
        }

        @Override
        public Mono<DeliveryRecord> requeue(RegionScope region, UUID id, Instant at) {
            return Mono.empty();
        }
    }
}
