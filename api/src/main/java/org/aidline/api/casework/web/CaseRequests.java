package org.aidline.api.casework.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.aidline.intake.casework.Deliberation;
import org.aidline.intake.casework.Filing;
import org.aidline.intake.casework.Outcome;
import org.aidline.intake.casework.RefusalReason;
import org.aidline.intake.policy.CaseRules;
import org.jspecify.annotations.Nullable;

/** The bodies of the case's operations. */
final class CaseRequests {

    private CaseRequests() {
    }

    @Schema(name = "InvestigationRequest", description = "The coordinator's household visit")
    record InvestigationRequest(
            @Schema(example = "Visited 7 Dec: the father is in hospital since November, no income since") @NotBlank @Size(max = 4000)
            String findings,
            @Schema(example = "Four persons: two adults, two children at school; rented flat; no vehicle") @NotBlank @Size(max = 4000)
            String householdSituation,
            @Schema(example = "2000.00", description = "The amount the coordinator recommends, in yuan")
            @Nullable @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal recommendedAmount) {
    }

    @Schema(name = "NoticeRequest", description = "Opens the public notice; without days, for the policy's days; without postedAt, now")
    record NoticeRequest(
            @Schema(example = "7") @Nullable @Min(1) @Max(CaseRules.LONGEST_NOTICE_DAYS) Integer days,
            @Schema(description = "When the notice was posted on the village's board, if before now (at most 30 days ago): "
                    + "its days count from then", example = "2026-12-01T09:00:00Z") @Nullable Instant postedAt) {
    }

    @Schema(name = "ObjectionRequest", description = "An objection to a running notice, recorded by staff of the region or an operator")
    record ObjectionRequest(
            @Schema(example = "The household owns a second flat in the county town") @NotBlank @Size(max = 4000) String statement,
            @Schema(example = "A neighbour, by phone", description = "Who objects, as the objector wishes to be named")
            @Nullable @Size(max = 200) String objector) {
    }

    @Schema(name = "ObjectionResolutionRequest")
    record ObjectionResolutionRequest(
            @Schema(example = "DISMISSED", allowableValues = {"UPHELD", "DISMISSED"}) @NotNull Resolution outcome,
            @Schema(example = "The flat was sold in 2023 (deed checked)") @NotBlank @Size(max = 4000) String resolution) {

        enum Resolution {
            UPHELD,
            DISMISSED
        }
    }

    @Schema(name = "DeliberationRequest", description = "The village deliberation: outcome and votes")
    record DeliberationRequest(
            @Schema(example = "SUPPORTED") @NotNull Deliberation.Verdict verdict,
            @Schema(example = "9") @NotNull @Min(1) @Max(10_000) Integer present,
            @Schema(example = "8") @NotNull @Min(0) @Max(10_000) Integer inFavour,
            @Schema(example = "1") @NotNull @Min(0) @Max(10_000) Integer against,
            @Nullable @Size(max = 4000) String note) {
    }

    @Schema(name = "DecisionRequest", description = "GRANT with an amount, or REFUSE with a reason the citizen is told in writing")
    record DecisionBody(
            @Schema(example = "GRANT") @NotNull Outcome outcome,
            @Schema(example = "2000.00", description = "In yuan: with GRANT, and only with it")
            @Nullable @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount,
            @Schema(description = "With REFUSE, and required with it: the reason the citizen reads in their language")
            @Nullable RefusalReason reason,
            @Schema(example = "Temporary Assistance Measures of the county, art. 7", description = "The rule the decision applies")
            @Nullable @Size(max = 1000) String basis,
            @Schema(description = "The decider's own words; required when the reason is OTHER") @Nullable @Size(max = 4000) String note) {
    }

    @Schema(name = "FiledDecisionReviewRequest", description = "The county's word on a township's filed decision")
    record FilingReviewBody(
            @Schema(example = "SEEN", allowableValues = {"SEEN", "OVERTURNED"}) @NotNull Filing filing,
            @Schema(example = "Checked against the township reserve's statement") @NotBlank @Size(max = 4000) String note) {
    }
}
