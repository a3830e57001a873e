package org.aidline.intake.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.events.FlagOutcomeRecorded;
import org.aidline.intake.policy.Jurisdiction;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.Reports;
import reactor.core.publisher.Mono;

/**
 * Closes a flag's report with what the check found (issue 13, item 7): a supervisor of the county
 * records it once; the report closes and {@link FlagOutcomeRecorded} tells the registry, which
 * applies it to the person's enrolments. Intake never touches the registry itself.
 */
public class FlagOutcomes {

    private final Reports reports;
    private final MonitoringFlags flags;
    private final Clock clock;

    public FlagOutcomes(Reports reports, MonitoringFlags flags, Clock clock) {
        this.reports = reports;
        this.flags = flags;
        this.clock = clock;
    }

    /** Records the outcome; emits the report as it stands after it. */
    public Mono<Report> record(ReportId id, FlagClosing closing, Actor supervisor) {
        return reports.byId(id)
                .filter(report -> report.isVisibleTo(supervisor))
                .switchIfEmpty(Mono.error(FlagReportNotFoundException::new))
                .flatMap(report -> {
                    if (!Jurisdiction.covers(supervisor, report.countyCode(), Role.SUPERVISOR)) {
                        return Mono.error(new OutsideJurisdictionException("Only a supervisor of county " + report.countyCode()
                                + " records what a flag's check found."));
                    }
                    return flags.flagOf(id)
                            .switchIfEmpty(Mono.error(() -> new FlagOutcomeConflictException(
                                    "This report was not filed from a monitoring flag: it has no flag outcome.")))
                            .flatMap(flagged -> record(flagged, closing, supervisor.subject()));
                })
                .then(Mono.defer(() -> reports.byId(id)));
    }

    private Mono<Boolean> record(FlaggedReport flagged, FlagClosing closing, String supervisor) {
        if (flagged.outcome() != null) {
            return Mono.error(new FlagOutcomeConflictException("The flag's outcome was recorded already: " + flagged.outcome() + "."));
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        FlagOutcomeRecorded event = new FlagOutcomeRecorded(UUID.randomUUID(), flagged.report().value(), flagged.key().source(),
                flagged.key().flagId(), closing.verdict().name(), closing.programme(),
                closing.newAmount() == null ? null : closing.newAmount().fen(),
                flagged.subjectKey() == null ? null : Base64.getEncoder().encodeToString(flagged.subjectKey()),
                flagged.countyCode(), flagged.villageCode(), closing.note(), supervisor, at);
        // Guarded by the report's version and the flag having no outcome: two supervisors at once record one.
        return flags.recordOutcome(flagged, closing, event, at).flatMap(recorded -> recorded
                ? Mono.just(true)
                : Mono.error(new FlagOutcomeConflictException("The flag's report changed meanwhile; read it again.")));
    }
}
