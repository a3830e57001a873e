package org.aidline.supervision;

import org.aidline.supervision.ExportRows.GrantRow;
import org.aidline.supervision.ExportRows.LedgerRow;
import org.aidline.supervision.ExportRows.ReportRow;
import reactor.core.publisher.Flux;

/**
 * The rows of a county and period, streamed from the database as they are read: the reader's
 * demand pulls the next batch (a fetch size), so memory does not grow with the export.
 */
public interface Exports {

    /** Ledger entries booked in the period, in the order they were written. */
    Flux<LedgerRow> ledger(CountyPeriod period);

    /** Grants made in the period, oldest first. */
    Flux<GrantRow> grants(CountyPeriod period);

    /** Reports filed in the period, oldest first. */
    Flux<ReportRow> reports(CountyPeriod period);
}
