package org.aidline.intake.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.personaldata.PersonalDataProtector;
import reactor.core.publisher.Mono;

/**
 * Asks the registries about granted households. Runs after the grant, never before it, so an
 * emergency never waits for a registry; a registry that is slow or down is asked again with
 * backoff, and after the last attempt counts as unavailable rather than holding anything up.
 */
public class Verifier {

    /** How often and how patiently registries are asked. */
    public record Settings(Duration lease, int batchSize, int maxAttempts, Duration firstRetry, Duration maxRetry) {
    }

    private final Verifications verifications;
    private final Map<String, Registry> registries;
    private final PersonalDataProtector protector;
    private final Settings settings;
    private final Clock clock;

    public Verifier(Verifications verifications, Map<String, Registry> registries, PersonalDataProtector protector,
            Settings settings, Clock clock) {
        this.verifications = verifications;
        this.registries = Map.copyOf(registries);
        this.protector = protector;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round: open searches for new grants, then ask every due search. Emits how many searches were asked. */
    public Mono<Long> runOnce() {
        if (registries.isEmpty()) {
            return Mono.just(0L);
        }
        Instant now = clock.instant();
        return verifications.startFor(List.copyOf(registries.keySet()), now, settings.batchSize())
                .thenMany(verifications.claimDue(now, now.plus(settings.lease()), settings.batchSize()))
                .flatMap(this::ask, 8)
                .count();
    }

    private Mono<VerificationStatus> ask(DueVerification due) {
        Registry registry = registries.get(due.registry());
        if (registry == null) {
            return verifications.answer(due, VerificationStatus.UNAVAILABLE, List.of(), "registry no longer configured", clock.instant());
        }
        RegistrySearch search = new RegistrySearch(due.id(), due.registry(), protector.reveal(due.encryptedIdNumber()));
        return registry.search(search).flatMap(answer -> record(due, answer));
    }

    private Mono<VerificationStatus> record(DueVerification due, RegistryAnswer answer) {
        Instant now = clock.instant();
        if (answer instanceof RegistryAnswer.Found found) {
            return verifications.answer(due, VerificationStatus.FLAGGED, found.findings(), "succ", now);
        }
        if (answer instanceof RegistryAnswer.NothingFound) {
            return verifications.answer(due, VerificationStatus.CLEAR, List.of(), "succ", now);
        }
        if (answer instanceof RegistryAnswer.Refused refused) {
            return verifications.answer(due, VerificationStatus.UNAVAILABLE, List.of(), "rjct: " + refused.reason(), now);
        }
        String reason = ((RegistryAnswer.NotYet) answer).reason();
        if (due.attempt() >= settings.maxAttempts()) {
            return verifications.answer(due, VerificationStatus.UNAVAILABLE, List.of(), "gave up after " + due.attempt() + " attempts: " + reason, now);
        }
        return verifications.askAgainAt(due, reason, now.plus(backoff(due.attempt())), now).thenReturn(VerificationStatus.PENDING);
    }

    /** Exponential backoff with jitter, so that a registry coming back is not hit by everyone at once. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(settings.maxRetry().toMillis(), settings.firstRetry().toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(settings.firstRetry().toMillis() / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling)));
    }
}
