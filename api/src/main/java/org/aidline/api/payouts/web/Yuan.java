package org.aidline.api.payouts.web;

import java.math.BigDecimal;
import org.aidline.api.problem.ProblemException;

/** Yuan in JSON (two decimals at most) and fen inside, never through a double. */
final class Yuan {

    private Yuan() {
    }

    static long toFen(BigDecimal yuan, String field) {
        try {
            return yuan.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw ProblemException.invalid(field, "has at most two decimals");
        }
    }

    static BigDecimal of(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
