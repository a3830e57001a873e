package org.aidline.registry.disbursement;

/**
 * What one unit's statement granted: payments (a campaign's persons, a payroll's monthly payments)
 * and back-payment lines, each with its amount in fen. Nothing, when a retry finds all paid.
 */
public record Granted(int payments, long paymentsFen, int backPays, long backPaysFen) {

    public static final Granted NOTHING = new Granted(0, 0, 0, 0);

    public long totalFen() {
        return paymentsFen + backPaysFen;
    }
}
