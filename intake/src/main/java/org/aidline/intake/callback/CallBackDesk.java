package org.aidline.intake.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.events.CallBackRecorded;
import org.aidline.intake.events.ReportStatusChanged;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportQueries;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The call-back as operators work it: the queue of their region, and each call recorded. Operators
 * of the report's region call back; supervisors and auditors of the region read the queue along.
 * A report a caller cannot see is "not found", as everywhere, so that ids cannot be probed.
 */
public class CallBackDesk {

    private final CallBacks callBacks;
    private final ReportQueries reports;
    private final Clock clock;

    public CallBackDesk(CallBacks callBacks, ReportQueries reports, Clock clock) {
        this.callBacks = callBacks;
        this.reports = reports;
        this.clock = clock;
    }

    public Mono<CallBackPage> queue(Actor reader, @Nullable CallBackCursor after, int limit) {
        if (reader.region() == null || !reader.hasAny(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR)) {
            return Mono.error(new OutsideJurisdictionException("The call-back queue is for operators (and supervisors, auditors) of a region."));
        }
        return callBacks.waiting(reader.region(), after, limit + 1).collectList().map(rows -> CallBackPage.of(rows, limit));
    }

    /** The report's items and tries, for whoever may see the report; empty when they may not. */
    public Mono<List<CallBacks.CallBackRecord>> history(Actor reader, ReportId report) {
        return reports.find(report, reader).flatMap(found -> callBacks.history(report).collectList());
    }

    /** Records one call; emits the report's items as they stand after it. */
    public Mono<List<CallBacks.CallBackRecord>> record(Actor operator, ReportId report, CallBackAnswer answer) {
        List<CallBackViolation> violations = answer.violations();
        if (!violations.isEmpty()) {
            return Mono.error(new InvalidCallBackException(violations));
        }
        return reports.find(report, operator)
                .switchIfEmpty(Mono.error(() -> new CallBackReportNotFoundException(report)))
                .flatMap(found -> {
                    if (!operator.worksIn(found.village(), Role.OPERATOR)) {
                        return Mono.error(new OutsideJurisdictionException("Operators of the report's region call back."));
                    }
                    return callBacks.waitingOf(report).switchIfEmpty(Mono.error(() -> new NoCallBackWaitingException(
                            "Report " + found.reference().value() + " has no call-back waiting (status " + found.status()
                                    + "): a call-back is owed once a report with a phone number is closed, until answered or tried "
                                    + "as often as the policy allows.")));
                })
                .flatMap(item -> recorded(operator, item, answer))
                .then(callBacks.history(report).collectList());
    }

    private Mono<Void> recorded(Actor operator, CallBack item, CallBackAnswer answer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int attempt = item.tries() + 1;
        CallBackStatus after = answer.reached() ? CallBackStatus.ANSWERED
                : attempt >= item.maxTries() ? CallBackStatus.UNREACHED : CallBackStatus.WAITING;
        CallBackTry made = new CallBackTry(UUID.randomUUID(), attempt, answer.reached(), answer.satisfaction(), answer.note(),
                operator.subject(), now);
        // The task of the reopened report is the next round after the one each closing ended.
        Integer round = answer.reopens() ? item.closure() + 1 : null;
        CallBackRecorded recorded = new CallBackRecorded(UUID.randomUUID(), item.reportId().value(), item.closure(), attempt,
                answer.reached(), answer.satisfaction() == null ? null : answer.satisfaction().name(), after.name(), round, now);
        ReportStatusChanged reopened = answer.reopens()
                ? new ReportStatusChanged(UUID.randomUUID(), item.reportId().value(), ReportStatus.CLOSED.name(), ReportStatus.REOPENED.name(), now)
                : null;
        return callBacks.record(item, made, after, recorded, reopened)
                .flatMap(done -> done ? Mono.<Void>empty() : Mono.error(new CallBackChangedException()));
    }
}
