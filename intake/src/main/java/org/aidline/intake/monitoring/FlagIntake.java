package org.aidline.intake.monitoring;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportFiling;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.UnknownVillageException;
import org.aidline.intake.triage.Decision;
import reactor.core.publisher.Flux;
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

    /**
     * Receives a batch of flags, a few at a time, answering their outcomes in the batch's order.
     * Supervisors send flags of their region, the platform's machine client those of the region
     * on its token.
     */
    public Flux<FlagOutcome> receive(List<MonitoringFlag> batch, Actor uploader, int concurrency) {
        List<FlagKey> keys = batch.stream().filter(flag -> mayFlag(uploader, flag)).map(MonitoringFlag::key).toList();
        // One look-up for the batch: a repeated upload then costs a query per batch, not one per flag.
        Mono<Map<FlagKey, ReportId>> receivedBefore = keys.isEmpty() ? Mono.just(Map.of()) : flags.reportsOf(keys);
        return receivedBefore.flatMapMany(known -> Flux.fromIterable(batch).flatMapSequential(flag -> {
            if (!mayFlag(uploader, flag)) {
                return Mono.<FlagOutcome>just(new FlagOutcome.OutsideRegion(flag.village()));
            }
            ReportId before = known.get(flag.key());
            return before != null ? Mono.<FlagOutcome>just(new FlagOutcome.AlreadyReceived(before)) : fileOnce(flag, uploader);
        }, concurrency, 1));
    }

    private static boolean mayFlag(Actor uploader, MonitoringFlag flag) {
        return uploader.worksIn(flag.village(), Role.SUPERVISOR, Role.MONITOR);
    }

    private Mono<FlagOutcome> fileOnce(MonitoringFlag flag, Actor uploader) {
        Mono<Report> filed = filing.file(flag.toReport(uploader.subject()));
        // A collision rolls back the flag's whole transaction: it is filed again, as a whole.
        return Mono.defer(() -> flags.fileOnce(flag, uploader.subject(), clock.instant().truncatedTo(ChronoUnit.MICROS), filed))
                .retryWhen(ReportFiling.RETRY_ON_COLLISION)
                .doOnNext(filing::committed)
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
