package org.aidline.intake.report;

/** The result of filing: a new report, or the receipt of the request that already filed it. */
public sealed interface FilingOutcome {

    record Filed(Report report) implements FilingOutcome {
    }

    record AlreadyFiled(Receipt receipt) implements FilingOutcome {
    }
}
