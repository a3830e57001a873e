package org.aidline.registry.disbursement;

import java.util.List;

/**
 * How far a run has come: per county what was granted (persons or monthly payments, back-payment
 * lines, amounts) and whether the county is done; and what the bank has answered so far.
 */
public record RunProgress(List<County> counties, Bank bank) {

    public record County(String countyCode, boolean granted, int payments, long paymentsFen, int backPays, long backPaysFen) {
    }

    /** Transactions instructed (in batches), paid, failed (refused by the bank) and still open. */
    public record Bank(int batches, int batchesDone, int instructed, long instructedFen, int paid, long paidFen, int failed, long failedFen) {

        public int open() {
            return instructed - paid - failed;
        }
    }

    public int payments() {
        return counties.stream().mapToInt(County::payments).sum();
    }

    public long paymentsFen() {
        return counties.stream().mapToLong(County::paymentsFen).sum();
    }

    public int backPays() {
        return counties.stream().mapToInt(County::backPays).sum();
    }

    public long backPaysFen() {
        return counties.stream().mapToLong(County::backPaysFen).sum();
    }

    public long countiesGranted() {
        return counties.stream().filter(County::granted).count();
    }
}
