package org.aidline.api.supervision.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A county's (or the region's) figures for a period, for consoles. */
public record StatisticsView(
        @Schema(description = "The county asked for, or the reader's region") String county,
        @Nullable Instant from,
        @Nullable Instant to,
        @Schema(description = "Reports filed in the period") long reports,
        Map<String, Long> byChannel,
        Map<String, Long> byCategory,
        @Schema(description = "By triage decision (NONE: not triaged)") Map<String, Long> byDecision,
        @Schema(description = "Report filed to its grant's first payment, seconds, for reports of the period") DurationPercentiles timeToGrant,
        @Schema(description = "Coordinator task opened to acknowledged, seconds, for tasks of the period") DurationPercentiles timeToAcknowledge,
        @Schema(description = "Money booked in the period, yuan") MoneyView money,
        @Schema(description = "Grants whose documents fell due in the period and are still overdue") long overdueDocuments,
        @Schema(description = "Ordinary cases' decisions and steps, and referrals answered, in the period") OrdinaryCasesView ordinaryCases,
        @Schema(description = "How the coordinator tasks opened in the period kept their clocks (work orders' on-time rates)") WorkOrdersView workOrders,
        @Schema(description = "Call-backs (回访) done in the period and how satisfied the people reached were") SatisfactionView satisfaction) {

    /**
     * Decisions made in the period by level and outcome ("TOWNSHIP:GRANT"); filing to each step and
     * to the decision (seconds); referrals answered in the period, their answer time and what partners paid (yuan).
     */
    public record OrdinaryCasesView(Map<String, Long> decisionsByLevel, Map<String, DurationPercentiles> timeToStep,
            DurationPercentiles timeToDecision, DurationPercentiles referralAnswerTime, long referralsAnswered, BigDecimal paidByPartners) {
    }

    /** Percentiles in seconds (percentile_cont); null when there was no case. */
    public record DurationPercentiles(long count, @Nullable Double p50, @Nullable Double p90, @Nullable Double p99) {
    }

    /** Net entitlement granted (GRANT + ADJUSTMENT + REVOCATION), paid (PAYMENT) and recovered (RECOVERY), in yuan. */
    public record MoneyView(BigDecimal granted, BigDecimal paid, BigDecimal recovered) {
    }

    /**
     * Coordinator tasks opened in [from, to): how many, how many a supervisor closed as duplicates (left
     * out of both clocks), signing for and handling against their deadlines at the time of asking, chases
     * sent about them, extensions asked and granted, tasks sent back at least once.
     */
    @Schema(description = "Coordinator tasks opened in [from, to). Tasks closed as duplicates count in tasks and closedAsDuplicate only. "
            + "signFor: acknowledged by the sign-for deadline; handling: completed by the handling deadline as granted extensions moved it. "
            + "Deadlines are judged at the time of the request.")
    public record WorkOrdersView(
            long tasks,
            long closedAsDuplicate,
            ClockView signFor,
            ClockView handling,
            @Schema(description = "Chases (催办) sent about these tasks, by supervisors and by the sweep") long chases,
            long extensionsAsked,
            long extensionsGranted,
            @Schema(description = "Tasks sent back (任务回退) at least once") long sentBack) {
    }

    /** One clock: done by the deadline, done after it, not done and past it; the on-time rate over those three. */
    @Schema(description = "onTime: done at or before the deadline; late: done after it; overdue: not done and the deadline has passed. "
            + "Tasks still within their deadline count in none. rate = onTime / (onTime + late + overdue), 4 decimals, null when that is 0.")
    public record ClockView(long onTime, long late, long overdue, @Schema(example = "0.8571") @Nullable Double rate) {
    }

    /** Call-backs done in the period: answered, given up as unreached, answers by satisfaction, and the satisfaction rate. */
    @Schema(description = "Call-backs done (answered or given up as unreached) in [from, to). bySatisfaction: SATISFIED, "
            + "BASICALLY_SATISFIED, UNSATISFIED. rate = (SATISFIED + BASICALLY_SATISFIED) / answered, 4 decimals, null when none answered; "
            + "unreached people are not in it.")
    public record SatisfactionView(long answered, long unreached, Map<String, Long> bySatisfaction, @Schema(example = "0.9") @Nullable Double rate) {
    }
}
