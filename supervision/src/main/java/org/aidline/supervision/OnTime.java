package org.aidline.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * One clock of the work orders (signing for, or handling) over a set of tasks: done by the deadline
 * ({@code onTime}), done after it ({@code late}), and not done though the deadline has passed
 * ({@code overdue}). Tasks whose deadline is still ahead count in none of them.
 */
public record OnTime(long onTime, long late, long overdue) {

    public OnTime {
        if (onTime < 0 || late < 0 || overdue < 0) {
            throw new IllegalArgumentException("Counts are never negative");
        }
    }

    /** The tasks a rate can judge: done, or past their deadline. */
    public long judged() {
        return onTime + late + overdue;
    }

    /**
     * onTime / (onTime + late + overdue), to four decimals (half up); null when no task is done or past
     * its deadline, since a rate of nothing is not 100 %.
     */
    public @Nullable Double rate() {
        return ratio(onTime, judged());
    }

    static @Nullable Double ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
