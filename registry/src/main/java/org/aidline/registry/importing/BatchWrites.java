package org.aidline.registry.importing;

import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Prepares the writes of an import's batches in file order, to be run a few at once, and makes a batch
 * wait for every unfinished one before it that shares a household or a person with it: rows of one person
 * must be written in file order (the last one wins), and a household or person that another open
 * transaction is writing would be invisible to this statement's snapshot. Batches with nothing in common
 * are written side by side, each on a connection of its own, which keeps both of PostgreSQL's cores
 * busy. {@link #next} is called by one sequential stream; batches leave the open list as they finish.
 */
final class BatchWrites<T> {

    private final Function<ImportBatch, Mono<T>> write;
    private final Queue<Open<T>> open = new ConcurrentLinkedQueue<>();

    BatchWrites(Function<ImportBatch, Mono<T>> write) {
        this.write = write;
    }

    /** The batch's write, run once however often it is subscribed; {@code keys}: its households and persons. */
    Mono<T> next(ImportBatch batch, Set<String> keys) {
        List<Mono<T>> overlapping = open.stream().filter(other -> !Collections.disjoint(keys, other.keys)).map(other -> other.write)
                .toList();
        Mono<T> own = Mono.defer(() -> write.apply(batch));
        Open<T> self = new Open<>(keys);
        self.write = (overlapping.isEmpty() ? own : Mono.when(overlapping).then(own)).doFinally(signal -> open.remove(self)).cache();
        open.add(self);
        return self.write;
    }

    private static final class Open<T> {

        private final Set<String> keys;
        private Mono<T> write = Mono.empty();

        private Open(Set<String> keys) {
            this.keys = keys;
        }
    }
}
