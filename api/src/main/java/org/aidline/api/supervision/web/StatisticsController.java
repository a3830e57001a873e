package org.aidline.api.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.aidline.supervision.Oversight;
import org.aidline.supervision.Statistics.Durations;
import org.aidline.supervision.Statistics;
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

    private final Oversight oversight;

    StatisticsController(Oversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping(path = "/api/v1/statistics", produces = "application/json")
    @Operation(summary = "Statistics of a county (or your region) for [from, to) (supervisors, auditors of a county, prefecture or the province)",
            description = "Reports by channel, category and triage decision; time to grant (report filed to first payment) and to "
                    + "acknowledge (task opened to acknowledged), p50/p90/p99 in seconds; money granted, paid and recovered; overdue documents.")
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

    private static StatisticsView view(String county, @Nullable Instant from, @Nullable Instant to, Statistics found) {
        return new StatisticsView(county, from, to, found.reports(), found.byChannel(), found.byCategory(), found.byDecision(),
                durations(found.timeToGrant()), durations(found.timeToAcknowledge()),
                new StatisticsView.MoneyView(yuan(found.grantedFen()), yuan(found.paidFen()), yuan(found.recoveredFen())),
                found.overdueDocuments(), ordinaryCases(found.ordinaryCases()));
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
