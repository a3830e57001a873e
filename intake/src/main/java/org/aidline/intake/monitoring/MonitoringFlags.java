package org.aidline.intake.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.aidline.intake.events.FlagOutcomeRecorded;
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

    /** The flag that filed this report, with the report as an outcome needs it; empty when no flag filed it. */
    Mono<FlaggedReport> flagOf(ReportId report);

    /**
     * Records the outcome on the flag, closes the report if {@link FlaggedReport#closes()}, appends
     * its history and publishes the event, in one transaction; false when the report or the flag
     * changed since they were read.
     */
    Mono<Boolean> recordOutcome(FlaggedReport flagged, FlagClosing closing, FlagOutcomeRecorded event, Instant at);
}
