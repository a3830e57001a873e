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
        @Schema(description = "Ordinary cases' decisions and steps, and referrals answered, in the period") OrdinaryCasesView ordinaryCases) {

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
}
