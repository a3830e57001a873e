package org.aidline.intake.background;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work waiting in the database (an outbox, unsealed audit events, payments for the bank) as gauges: how much waits and,
 * where it has one, how long the oldest item has waited. A poll on a schedule reads the database and the gauges publish
 * its last reading, so a scrape never runs a query. Every instance polls the shared tables, so each reports the same
 * values: alert on {@code max}, never on a sum. Before the first reading, and while the database cannot be read, the
 * gauges are NaN rather than zero, so that an instance that cannot see the database never looks like an empty queue.
 */
public final class BacklogGauges {

    private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);

    /** One reading: how many items wait and the oldest one's age in seconds (0 when none waits). */
    public record Reading(long size, double oldestAgeSeconds) {
    }

    private final String name;
    private final Supplier<Mono<Reading>> read;
    private volatile double size = Double.NaN;
    private volatile double oldestAge = Double.NaN;

    /**
     * Registers {@code sizeName} and, unless null, {@code ageName} (in seconds) with these tags.
     */
    public BacklogGauges(MeterRegistry meters, String sizeName, @Nullable String ageName, Tags tags, String description,
            Supplier<Mono<Reading>> read) {
        this.name = sizeName + tags;
        this.read = read;
        Gauge.builder(sizeName, this, gauges -> gauges.size).tags(tags).description(description).strongReference(true).register(meters);
        if (ageName != null) {
            Gauge.builder(ageName, this, gauges -> gauges.oldestAge).tags(tags).baseUnit("seconds")
                    .description("Age of the oldest of: " + description).strongReference(true).register(meters);
        }
    }

    /** Reads once; a failure leaves the gauges NaN until a later reading succeeds. Emits 1 when read, else 0. */
    public Mono<Integer> poll() {
        return Mono.defer(read)
                .doOnNext(reading -> {
                    size = reading.size();
                    oldestAge = Math.max(0, reading.oldestAgeSeconds());
                })
                .map(reading -> 1)
                .onErrorResume(failure -> {
                    log.debug("Could not read {}", name, failure);
                    size = Double.NaN;
                    oldestAge = Double.NaN;
                    return Mono.just(0);
                })
                .defaultIfEmpty(0);
    }

    /** A loop reading every one of {@code gauges} at {@code interval}, on every instance. */
    public static SmartLifecycle polling(String work, Duration interval, List<BacklogGauges> gauges) {
        return new LoopLifecycle(new DispatchLoop(work,
                () -> Flux.fromIterable(gauges).concatMap(BacklogGauges::poll).reduce(0, Integer::sum), Flux.never(), interval));
    }

    /** A query answering one row of {@code size} (bigint) and {@code age} (seconds, float8). */
    public static Mono<Reading> read(DatabaseClient database, String sql) {
        return database.sql(sql).map(row -> new Reading(row.get("size", Long.class), row.get("age", Double.class))).one();
    }
}
