package org.aidline.intake.monitoring;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.report.FilingOutcome;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportFiling;
import org.aidline.intake.report.UnknownVillageException;
import org.aidline.intake.triage.Decision;
import reactor.core.publisher.Mono;

/**
 * Receives monitoring flags: each files one report with channel MONITORING, triaged like any
 * other, however often and however concurrently the flag is sent.
 */
public class FlagIntake {

    private final ReportFiling filing;
    private final MonitoringFlags flags;
    private final Clock clock;

    public FlagIntake(ReportFiling filing, MonitoringFlags flags, Clock clock) {
        this.filing = filing;
        this.flags = flags;
        this.clock = clock;
    }

    /** Supervisors send flags of their region, the platform's machine client those of the region on its token. */
    public Mono<FlagOutcome> receive(MonitoringFlag flag, Actor uploader) {
        if (!uploader.worksIn(flag.village(), Role.SUPERVISOR, Role.MONITOR)) {
            return Mono.just(new FlagOutcome.OutsideRegion(flag.village()));
        }
        // The cheap look-up first: a repeated upload then costs one query per flag, not a filing.
        return flags.reportOf(flag.key())
                .<FlagOutcome>map(FlagOutcome.AlreadyReceived::new)
                .switchIfEmpty(Mono.defer(() -> fileOnce(flag, uploader)));
    }

    private Mono<FlagOutcome> fileOnce(MonitoringFlag flag, Actor uploader) {
        Mono<Report> filed = filing.file(flag.toReport(uploader.subject()), null, report -> "")
                .flatMap(outcome -> outcome instanceof FilingOutcome.Filed done
                        ? Mono.just(done.report())
                        : Mono.error(new IllegalStateException("A filing without an idempotency claim is never a replay")));
        return flags.fileOnce(flag, uploader.subject(), clock.instant().truncatedTo(ChronoUnit.MICROS), filed)
                .<FlagOutcome>map(report -> new FlagOutcome.Accepted(report.id(), decision(report)))
                // Another upload of the same flag committed first: ours was rolled back, link to theirs.
                .switchIfEmpty(Mono.defer(() -> flags.reportOf(flag.key()).map(FlagOutcome.AlreadyReceived::new)))
                .onErrorResume(UnknownVillageException.class, unknown -> Mono.just(new FlagOutcome.UnknownVillage(flag.village())));
    }

    private static Decision decision(Report report) {
        if (report.triage() == null) {
            throw new IllegalStateException("Filing always triages");
        }
        return report.triage().decision();
    }
}
