package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.aidline.intake.report.ReportId;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DocumentDeadlinesTests {

    final FakeGrants grants = new FakeGrants(null);
    final DocumentDeadlines deadlines = new DocumentDeadlines(grants);

    static List<Escalation> batch(int size) {
        return IntStream.range(0, size).mapToObj(i -> new Escalation(GrantId.next(), ReportId.next(), "sup-640104", GrantTests.NOW,
                GrantEvents.DOCUMENTS_OVERDUE)).toList();
    }

    @Test
    void fullBatchesAreFollowedByAnotherUntilOneComesBackShort() {
        grants.batches.addAll(List.of(batch(3), batch(3), batch(1), batch(3)));
        StepVerifier.create(deadlines.escalateOverdue(GrantTests.NOW, 3)).expectNextCount(7).verifyComplete();
        assertThat(grants.escalateCalls).isEqualTo(3);
    }

    @Test
    void anEmptyFirstBatchEndsTheSweep() {
        StepVerifier.create(deadlines.escalateOverdue(GrantTests.NOW, 3)).verifyComplete();
        assertThat(grants.escalateCalls).isEqualTo(1);
    }

    @Test
    void aBatchHoldsAtLeastOneGrant() {
        assertThatThrownBy(() -> deadlines.escalateOverdue(GrantTests.NOW, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
