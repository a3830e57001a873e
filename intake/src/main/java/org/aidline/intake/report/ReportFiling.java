package org.aidline.intake.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Files reports: one report per request, however often the request is retried. */
public class ReportFiling {

    private final Reports reports;
    private final PersonalDataProtector protector;
    private final Clock clock;

    public ReportFiling(Reports reports, PersonalDataProtector protector, Clock clock) {
        this.reports = reports;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Files the report. With a claim, the response the client will see is rendered before the
     * write and stored in the same statement, so a retry replays exactly what the first attempt
     * answered; if another request with the key committed first, its receipt is returned.
     */
    public Mono<FilingOutcome> file(NewReport filed, @Nullable IdempotencyClaim claim, Function<Report, String> responseBody) {
        return Mono.defer(() -> attempt(filed, claim, responseBody))
                .retryWhen(Retry.max(3).filter(ReferenceTakenException.class::isInstance))
                .onErrorResume(DuplicateReceiptException.class, duplicate -> claim == null
                        ? Mono.error(duplicate)
                        : reports.receipt(claim.owner(), claim.key()).map(FilingOutcome.AlreadyFiled::new));
    }

    private Mono<FilingOutcome> attempt(NewReport filed, @Nullable IdempotencyClaim claim, Function<Report, String> responseBody) {
        // PostgreSQL keeps microseconds: the report answered now must equal the report read later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Report report = Report.received(filed, ReportId.next(), ReportReference.random(), now);
        ProtectedResidentId idNumber = filed.subject().idNumber() == null ? null : protector.protect(filed.subject().idNumber());
        String body = claim == null ? null : responseBody.apply(report);
        return reports.add(report, idNumber, claim, body).flatMap(added -> added
                ? Mono.just(new FilingOutcome.Filed(report))
                : Mono.error(new UnknownVillageException(filed.village())));
    }
}
