package org.aidline.intake.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import reactor.core.publisher.Mono;

/** Every flag received, with the report it filed. */
public interface MonitoringFlags {

    /** The report the flag filed, if it was received before. */
    Mono<ReportId> reportOf(FlagKey key);

    /** Of these flags, those received before, with the reports they filed: one look-up for many. */
    Mono<Map<FlagKey, ReportId>> reportsOf(Collection<FlagKey> keys);

    /**
     * Runs the filing and records the flag with the report it filed, in one transaction. When the
     * flag was recorded meanwhile (another upload of it, on any instance), the filing is rolled
     * back and the result is empty: the flag's unique key decides.
     */
    Mono<Report> fileOnce(MonitoringFlag flag, String receivedBy, Instant at, Mono<Report> filing);
}
