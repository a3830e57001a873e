package org.aidline.intake.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of money in fen (1/100 yuan); never a floating-point number. */
public record Money(long fen) implements Comparable<Money> {

    private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);

    public Money {
        if (fen < 0) {
            throw new IllegalArgumentException("An amount cannot be negative");
        }
    }

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Converts yuan exactly; an amount with more than two decimals has no fen value and is refused. */
    public static Money ofYuan(BigDecimal yuan) {
        try {
            return new Money(yuan.multiply(FEN_PER_YUAN).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("An amount in yuan has at most two decimals", e);
        }
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }
}
