package org.aidline.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.aidline.supervision.OnTime;
import org.aidline.supervision.Satisfaction;
import org.junit.jupiter.api.Test;

/** The rates supervisors and evaluators read: what they divide, how they round, and when there is none. */
class OnTimeTests {

    @Test
    void theRateIsOnTimeOverThoseDoneOrPastTheirDeadlineToFourDecimals() {
        assertThat(new OnTime(1, 1, 1).rate()).isEqualTo(0.3333);
        assertThat(new OnTime(2, 0, 1).rate()).isEqualTo(0.6667);
        assertThat(new OnTime(0, 0, 4).rate()).isEqualTo(0.0);
    }

    @Test
    void nothingJudgedYetHasNoRateRatherThanAPerfectOne() {
        assertThat(new OnTime(0, 0, 0).rate()).isNull();
    }

    @Test
    void countsAreNeverNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OnTime(-1, 0, 0));
    }

    @Test
    void satisfactionCountsTheBasicallySatisfiedAndLeavesOutThoseNotReached() {
        Satisfaction satisfaction = new Satisfaction(4, 10, Map.of("SATISFIED", 1L, "BASICALLY_SATISFIED", 2L, "UNSATISFIED", 1L));
        assertThat(satisfaction.rate()).isEqualTo(0.75);
        assertThat(new Satisfaction(0, 3, Map.of()).rate()).isNull();
    }
}
