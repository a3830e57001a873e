package org.aidline.supervision;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A county's (or region's) figures for a period: reports filed by channel, category and triage
 * decision; how long it took from report to money paid and from task to acknowledgement; money
 * granted (net entitlement booked), paid and recovered, in fen; documents now overdue; how the
 * coordinator tasks opened in the period kept their clocks, and the call-backs done in it.
 */
public record Statistics(long reports, Map<String, Long> byChannel, Map<String, Long> byCategory, Map<String, Long> byDecision,
        Durations timeToGrant, Durations timeToAcknowledge, long grantedFen, long paidFen, long recoveredFen, long overdueDocuments,
        OrdinaryCases ordinaryCases, WorkOrderFigures workOrders, Satisfaction satisfaction) {

    public Statistics {
        byChannel = Map.copyOf(byChannel);
        byCategory = Map.copyOf(byCategory);
        byDecision = Map.copyOf(byDecision);
    }

    /**
     * Ordinary cases and referrals of the period: decisions made by level and outcome ("TOWNSHIP:GRANT"),
     * time from filing to each step and to the decision, time for partners to answer and what they paid.
     */
    public record OrdinaryCases(Map<String, Long> decisionsByLevel, Map<String, Durations> timeToStep, Durations timeToDecision,
            Durations referralAnswerTime, long referralsAnswered, long paidByPartnersFen) {

        public OrdinaryCases {
            decisionsByLevel = Map.copyOf(decisionsByLevel);
            timeToStep = Map.copyOf(timeToStep);
        }
    }

    /** Percentiles of durations in seconds (continuous, as PostgreSQL's percentile_cont), over {@code count} cases; null without any. */
    public record Durations(long count, @Nullable Double p50, @Nullable Double p90, @Nullable Double p99) {
    }
}
