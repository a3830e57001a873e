package org.aidline.api.payouts.web;

import java.math.BigDecimal;
import java.util.List;
import org.aidline.registry.disbursement.RunProgress;

/**
 * How far a payroll or campaign has come: counties granted, per county totals, and the bank's answers.
 *
 * @param counties per county: payments (persons, for a campaign) and amount; back-payment lines and amount (payrolls)
 * @param bank transactions instructed in bulk messages, paid, failed (refused by the bank) and still open
 */
public record RunProgressView(int countiesTotal, int countiesGranted, List<CountyTotal> counties, BankProgress bank) {

    /** One county's totals. */
    public record CountyTotal(String county, boolean granted, int payments, BigDecimal amount, int backPayments, BigDecimal backPaymentAmount) {
    }

    /** What the bank has answered: batches are bulk disburse messages. */
    public record BankProgress(int batches, int batchesDone, int instructed, BigDecimal instructedAmount, int paid, BigDecimal paidAmount,
            int failed, BigDecimal failedAmount, int open) {
    }

    static RunProgressView of(RunProgress progress) {
        RunProgress.Bank bank = progress.bank();
        return new RunProgressView(progress.counties().size(), (int) progress.countiesGranted(),
                progress.counties().stream().map(county -> new CountyTotal(county.countyCode(), county.granted(), county.payments(),
                        Yuan.of(county.paymentsFen()), county.backPays(), Yuan.of(county.backPaysFen()))).toList(),
                new BankProgress(bank.batches(), bank.batchesDone(), bank.instructed(), Yuan.of(bank.instructedFen()), bank.paid(),
                        Yuan.of(bank.paidFen()), bank.failed(), Yuan.of(bank.failedFen()), bank.open()));
    }
}
