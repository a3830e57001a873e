package org.aidline.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class BatchWritesTests {

    /** Each batch's write finishes when the test says so; the order in which writes start is recorded. */
    final Map<Long, Sinks.One<Long>> finishes = new ConcurrentHashMap<>();
    final List<Long> started = new ArrayList<>();
    final BatchWrites<Long> writes = new BatchWrites<>(batch -> {
        synchronized (started) {
            started.add(batch.read());
        }
        return finishes.computeIfAbsent(batch.read(), read -> Sinks.one()).asMono();
    });

    @Test
    void batchesWithNothingInCommonAreWrittenSideBySide() {
        Flux<Long> written = Flux.just(writes.next(batch(1), Set.of("feed:A", "person:1")), writes.next(batch(2), Set.of("feed:B", "person:2")))
                .flatMapSequential(write -> write, 2, 1);

        StepVerifier.create(written)
                .then(() -> assertThat(started).containsExactly(1L, 2L))
                .then(() -> finish(2))
                .then(() -> finish(1))
                .expectNext(1L, 2L)
                .verifyComplete();
    }

    @Test
    void aBatchSharingAHouseholdWaitsForTheUnfinishedOneBeforeIt() {
        Flux<Long> written = Flux.just(writes.next(batch(1), Set.of("feed:A", "person:1")), writes.next(batch(2), Set.of("feed:B", "person:2")),
                        writes.next(batch(3), Set.of("feed:A", "person:3")))
                .flatMapSequential(write -> write, 3, 1);

        StepVerifier.create(written)
                .then(() -> assertThat(started).containsExactly(1L, 2L))
                .then(() -> finish(2))
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> assertThat(started).as("3 shares household A with 1, still open").containsExactly(1L, 2L))
                .then(() -> finish(1))
                .expectNext(1L, 2L)
                .then(() -> assertThat(started).containsExactly(1L, 2L, 3L))
                .then(() -> finish(3))
                .expectNext(3L)
                .verifyComplete();
    }

    @Test
    void aFinishedBatchHoldsNobodyUp() {
        StepVerifier.create(writes.next(batch(1), Set.of("person:1"))).then(() -> finish(1)).expectNext(1L).verifyComplete();

        Mono<Long> again = writes.next(batch(2), Set.of("person:1"));
        StepVerifier.create(again).then(() -> assertThat(started).containsExactly(1L, 2L)).then(() -> finish(2)).expectNext(2L)
                .verifyComplete();
    }

    private void finish(long batch) {
        finishes.computeIfAbsent(batch, read -> Sinks.one()).tryEmitValue(batch);
    }

    /** A batch told apart by its read count. */
    private static ImportBatch batch(long number) {
        return new ImportBatch(List.of(), number, 0, List.of(), 0);
    }
}
