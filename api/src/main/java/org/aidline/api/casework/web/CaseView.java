package org.aidline.api.casework.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aidline.api.referral.web.ReferralView;
import org.jspecify.annotations.Nullable;

/**
 * A report's case: the steps its county's policy asks for and how each stands, the objections to
 * its notice, its decision (and the township's recommendation while the county decides). Citizens
 * see where their case stands and the decision with its reason; the investigation's findings, the
 * registries' answers and who objected are for staff. {@code version} is what If-Match names.
 */
@Schema(name = "Case")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        String reportId,
        int version,
        @Schema(example = "IN_REVIEW") String status,
        @Schema(description = "ORDINARY (steps before the decision), EMERGENCY (steps after payment) or NONE", example = "ORDINARY")
        String kind,
        @Schema(description = "Where the case stands: the open step, OBJECTION, DECISION, COUNTY_DECISION, DECIDED, "
                + "AFTER_PAYMENT_STEPS_DONE or CLOSED", example = "NOTICE")
        String stage,
        RulesView rules,
        List<StepView> steps,
        List<ObjectionView> objections,
        @Schema(description = "The decision that stands") @Nullable DecisionView decision,
        @Schema(description = "The township's recommendation above its cap, while the county decides") @Nullable DecisionView recommendation,
        @Schema(description = "Every decision and recommendation, oldest first (an overturned one stays here)") List<DecisionView> decisions,
        @Schema(description = "Referrals to departments and charities, oldest first") List<ReferralView> referrals) {

    /** The county policy's rules for this case (of the version the report was triaged under). */
    public record RulesView(BigDecimal townshipCap, List<String> steps, int noticeDays, boolean deliberation, List<String> afterPayment,
            int filedDecisionReviewDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(@Schema(example = "NOTICE") String step, @Schema(example = "RUNNING") String state, @Nullable String actor,
            @Nullable Instant at, @Nullable Instant endsAt, @Nullable Map<String, Object> outcome) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectionView(String id, String status, Instant raisedAt, @Nullable String raisedBy, @Nullable String objector,
            @Nullable String statement, @Nullable String resolvedBy, @Nullable Instant resolvedAt, @Nullable String resolution) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(
            String id,
            @Schema(example = "DECISION") String kind,
            @Schema(example = "TOWNSHIP") String level,
            @Schema(example = "GRANT") String outcome,
            @Nullable BigDecimal amount,
            @Schema(description = "With REFUSE: the reason's code") @Nullable String reason,
            @Schema(description = "With REFUSE: the reason as the citizen reads it, in the language asked for (Accept-Language)")
            @Nullable String reasonText,
            @Nullable String basis,
            @Nullable String note,
            String decidedBy,
            Instant decidedAt,
            @Nullable String grantId,
            @Schema(description = "A township's decision filed upward: FILED, SEEN or OVERTURNED") @Nullable String filing,
            @Nullable Instant reviewUntil,
            @Nullable String reviewedBy,
            @Nullable Instant reviewedAt,
            @Nullable String reviewNote) {
    }
}
