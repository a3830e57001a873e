package org.aidline.api.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.supervision.Breakdown;
import org.aidline.supervision.OnTime;
import org.aidline.supervision.Oversight;
import org.aidline.supervision.Satisfaction;
import org.aidline.supervision.Statistics;
import org.aidline.supervision.Statistics.Durations;
import org.aidline.supervision.WorkOrderFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A county's figures for a period, for the consoles of its supervisors and auditors. */
@RestController
@Tag(name = "Supervision", description = "Work queues, statistics and exports of a region")
public class StatisticsController {

    private static final String ON_TIME = "workOrders: coordinator tasks opened in [from, to); signing for is on time when acknowledged at or "
            + "before the sign-for deadline, handling when completed at or before the handling deadline (as granted extensions moved it); "
            + "late when done after it; overdue when not done and the deadline has passed at the time of the request. Each rate is "
            + "onTime / (onTime + late + overdue), null when that is 0 (tasks within their deadline are not judged yet); tasks closed as "
            + "duplicates are left out of both clocks. satisfaction: call-backs done in [from, to); rate = (SATISFIED + BASICALLY_SATISFIED) "
            + "/ answered, null when none answered.";

    private final Oversight oversight;

    StatisticsController(Oversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping(path = "/api/v1/statistics", produces = "application/json")
    @Operation(operationId = "getStatistics", summary = "Statistics of a county (or your region) for [from, to) (supervisors, auditors of a county, prefecture or the province)",
            description = "Reports by channel, category and triage decision; time to grant (report filed to first payment) and to "
                    + "acknowledge (task opened to acknowledged), p50/p90/p99 in seconds; money granted, paid and recovered; overdue documents. "
                    + ON_TIME)
    Mono<StatisticsView> statistics(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            return Mono.error(new ProblemException(ProblemType.BAD_PARAMETER, "from must be before to."));
        }
        Actor reader = Actors.from(token);
        String shown = county != null ? county : reader.region() == null ? "" : reader.region().code();
        return oversight.statistics(reader, county, from, to)
                .map(found -> view(shown, from, to, found))
                .onErrorMap(OutsideJurisdictionException.class, WorkQueueController::outside);
    }

    @GetMapping(path = "/api/v1/statistics/work-orders", produces = "application/json")
    @Operation(operationId = "getWorkOrderStatistics", summary = "Work orders' on-time rates and satisfaction of a county (or your region) for [from, to), by village or coordinator, "
            + "worst first (supervisors, auditors of a county, prefecture or the province)",
            description = "One row per village (by=VILLAGE) or per current assignee (by=COORDINATOR) with figures in the period, the same "
                    + "figures as the county's workOrders, and by village its satisfaction. Worst first: the lower of its two on-time rates "
                    + "(signFor, handling; rows with neither last), then the most overdue, then the lowest satisfaction rate, then the key; up to "
                    + "limit rows, groups says how many there are. " + ON_TIME)
    Mono<WorkOrderStatisticsView> workOrders(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "VILLAGE or COORDINATOR") @RequestParam(defaultValue = "VILLAGE") Breakdown by,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            return Mono.error(new ProblemException(ProblemType.BAD_PARAMETER, "from must be before to."));
        }
        Actor reader = Actors.from(token);
        String shown = county != null ? county : reader.region() == null ? "" : reader.region().code();
        return oversight.workOrders(reader, county, from, to, by, limit)
                .map(found -> new WorkOrderStatisticsView(shown, from, to, found.by().name(), found.groups(), found.rows().stream()
                        .map(row -> new WorkOrderStatisticsView.Row(row.key(), workOrders(row.workOrders()),
                                row.satisfaction() == null ? null : satisfaction(row.satisfaction())))
                        .toList()))
                .onErrorMap(OutsideJurisdictionException.class, WorkQueueController::outside);
    }

    static StatisticsView.WorkOrdersView workOrders(WorkOrderFigures figures) {
        return new StatisticsView.WorkOrdersView(figures.tasks(), figures.closedAsDuplicate(), clock(figures.signFor()), clock(figures.handling()),
                figures.chases(), figures.extensionsAsked(), figures.extensionsGranted(), figures.sentBack());
    }

    private static StatisticsView.ClockView clock(OnTime clock) {
        return new StatisticsView.ClockView(clock.onTime(), clock.late(), clock.overdue(), clock.rate());
    }

    static StatisticsView.SatisfactionView satisfaction(Satisfaction satisfaction) {
        return new StatisticsView.SatisfactionView(satisfaction.answered(), satisfaction.unreached(), satisfaction.bySatisfaction(),
                satisfaction.rate());
    }

    private static StatisticsView view(String county, @Nullable Instant from, @Nullable Instant to, Statistics found) {
        return new StatisticsView(county, from, to, found.reports(), found.byChannel(), found.byCategory(), found.byDecision(),
                durations(found.timeToGrant()), durations(found.timeToAcknowledge()),
                new StatisticsView.MoneyView(yuan(found.grantedFen()), yuan(found.paidFen()), yuan(found.recoveredFen())),
                found.overdueDocuments(), ordinaryCases(found.ordinaryCases()), workOrders(found.workOrders()),
                satisfaction(found.satisfaction()));
    }

    private static StatisticsView.OrdinaryCasesView ordinaryCases(Statistics.OrdinaryCases cases) {
        Map<String, StatisticsView.DurationPercentiles> steps = new LinkedHashMap<>();
        cases.timeToStep().forEach((step, durations) -> steps.put(step, durations(durations)));
        return new StatisticsView.OrdinaryCasesView(cases.decisionsByLevel(), steps, durations(cases.timeToDecision()),
                durations(cases.referralAnswerTime()), cases.referralsAnswered(), yuan(cases.paidByPartnersFen()));
    }

    private static StatisticsView.DurationPercentiles durations(Durations durations) {
        return new StatisticsView.DurationPercentiles(durations.count(), durations.p50(), durations.p90(), durations.p99());
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
