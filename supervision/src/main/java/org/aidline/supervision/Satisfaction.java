package org.aidline.supervision;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Call-backs (回访) done in a period: answered (with a satisfaction) or given up as unreached after
 * the tries the policy allows, and the answers by satisfaction (SATISFIED, BASICALLY_SATISFIED, UNSATISFIED).
 */
public record Satisfaction(long answered, long unreached, Map<String, Long> bySatisfaction) {

    public Satisfaction {
        bySatisfaction = Map.copyOf(bySatisfaction);
    }

    /** (SATISFIED + BASICALLY_SATISFIED) / answered, to four decimals; null when nobody answered. Unreached people are not counted. */
    public @Nullable Double rate() {
        return OnTime.ratio(bySatisfaction.getOrDefault("SATISFIED", 0L) + bySatisfaction.getOrDefault("BASICALLY_SATISFIED", 0L), answered);
    }
}
