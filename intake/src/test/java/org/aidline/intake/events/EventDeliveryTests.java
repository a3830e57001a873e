package org.aidline.intake.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class EventDeliveryTests {

    private static final EventSubscriber SUBSCRIBER = new EventSubscriber() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public Mono<Void> on(IntakeEvent event) {
            return Mono.empty();
        }
    };

    @Test
    void fullBatchesAreFollowedAtOnceByTheNext() {
        ScriptedLog log = new ScriptedLog(new EventLog.Consumed(3, true), new EventLog.Consumed(3, true), new EventLog.Consumed(1, false));

        StepVerifier.create(new EventDelivery(log, 3).deliverDue(SUBSCRIBER)).expectNext(7).verifyComplete();
        assertThat(log.asked).containsExactly(3, 3, 3);
    }

    @Test
    void nothingDueIsOneLook() {
        ScriptedLog log = new ScriptedLog(new EventLog.Consumed(0, false), new EventLog.Consumed(5, false));

        StepVerifier.create(new EventDelivery(log, 10).deliverDue(SUBSCRIBER)).expectNext(0).verifyComplete();
        assertThat(log.asked).hasSize(1);
    }

    /** Answers each consumption with the next scripted result. */
    private static final class ScriptedLog implements EventLog {

        private final Deque<Consumed> answers;
        final List<Integer> asked = new ArrayList<>();

        ScriptedLog(Consumed... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Mono<Consumed> consume(EventSubscriber subscriber, int limit) {
            return Mono.fromSupplier(() -> {
                asked.add(limit);
                return answers.removeFirst();
            });
        }
    }
}
