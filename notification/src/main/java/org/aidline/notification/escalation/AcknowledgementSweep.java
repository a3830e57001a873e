package org.aidline.notification.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The acknowledgement and deadline clocks, run on every instance at the injected clock's time: first
 * an SMS to assignees whose push is still unanswered, then escalation of those silent past the SLA,
 * then a chase (催办) to those who missed a sign-for or handling deadline the day before.
 */
public class AcknowledgementSweep {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementSweep.class);

    private final SilentAssignees silent;
    private final Consumer<String> hasNews;
    private final Clock clock;
    private final int batchSize;

    /** {@code hasNews} is told whose live stream an escalation concerns: the silent one's and the next one's. */
    public AcknowledgementSweep(SilentAssignees silent, Consumer<String> hasNews, Clock clock, int batchSize) {
        this.silent = silent;
        this.hasNews = hasNews;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** One sweep now; emits how many tasks were texted or escalated. */
    public Mono<Integer> sweep() {
        return sweep(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** One sweep at {@code now}, batch after batch until nothing is due. */
    public Mono<Integer> sweep(Instant now) {
        Mono<Long> texted = silent.textUnansweredPushes(now, batchSize)
                .expand(count -> count == batchSize ? silent.textUnansweredPushes(now, batchSize) : Mono.empty())
                .reduce(0L, Long::sum);
        Mono<Long> escalated = escalate(now)
                .expand(count -> count == batchSize ? escalate(now) : Mono.empty())
                .reduce(0L, Long::sum);
        Mono<Long> chased = chase(now)
                .expand(count -> count == batchSize ? chase(now) : Mono.empty())
                .reduce(0L, Long::sum);
        return Mono.zip(texted, escalated, chased).map(counts -> (int) (counts.getT1() + counts.getT2() + counts.getT3()));
    }

    private Mono<Long> chase(Instant now) {
        return silent.chaseMissedDeadlines(now, batchSize)
                .doOnNext(hasNews)
                .count();
    }

    private Mono<Long> escalate(Instant now) {
        return silent.escalateOverdue(now, batchSize)
                .doOnNext(step -> {
                    hasNews.accept(step.from());
                    if (step.to() != null) {
                        hasNews.accept(step.to());
                    }
                })
                .doOnNext(step -> log.info("Task {} unacknowledged by {} at its SLA: escalated to {}", step.taskId(), step.from(),
                        step.to() == null ? "nobody (the chain is exhausted)" : step.to()))
                .count();
    }
}
