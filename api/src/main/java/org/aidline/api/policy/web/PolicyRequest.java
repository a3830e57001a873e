package org.aidline.api.policy.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.policy.CaseStep;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/**
 * A county's policy in full, as a supervisor puts it in force, with the reason for the change.
 * Amounts are yuan with at most two decimals; durations ISO-8601. Who changed it and when are
 * the server's to record.
 */
@Schema(name = "PolicyRequest")
public record PolicyRequest(
        @Schema(example = "[\"MEDICAL_EMERGENCY\", \"ACCIDENT\", \"DISASTER\", \"CHILD_WITHOUT_CARE\"]")
        @NotNull Set<@NotNull Category> fastTrackCategories,
        @Schema(example = "[]") @NotNull Set<@NotNull Category> referralCategories,
        @Schema(example = "[]") @NotNull Set<@NotNull Category> excludedCategories,
        @Schema(example = "850.00", description = "Monthly minimum-living standard, yuan")
        @NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal minimumLivingStandard,
        @Schema(example = "2550.00", description = "Fast-track cap, yuan; 3 x the minimum-living standard when omitted")
        @Nullable @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal cap,
        @Schema(description = "Yuan by household size 1, 2, ...; the last column is for that size and larger",
                example = "{\"MEDICAL_EMERGENCY\": [1200.00, 1500.00, 1800.00], \"OTHER\": [850.00]}")
        @NotEmpty Map<@NotNull Category, @NotNull @Size(min = 1, max = 10)
                List<@NotNull @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal>> standardAmounts,
        @Schema(example = "{\"MEDICAL_EMERGENCY\": [\"ID\", \"HOSPITAL_DIAGNOSIS\"], \"OTHER\": [\"ID\", \"HARDSHIP_PROOF\"]}")
        @NotEmpty Map<@NotNull Category, @NotNull @Size(min = 1, max = 30)
                List<@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}", message = "must be a document code such as HOSPITAL_DIAGNOSIS") String>> requiredDocuments,
        @Schema(example = "P10D") @NotNull @IsoDuration String documentsDeadline,
        @Schema(example = "P30D") @NotNull @IsoDuration String frequencyWindow,
        @Schema(example = "PT15M") @NotNull @IsoDuration String urgentAcknowledgement,
        @Schema(example = "PT4H") @NotNull @IsoDuration String normalAcknowledgement,
        @Schema(description = "How an ordinary case is decided; omitted: as under the policy in force")
        @Valid @Nullable OrdinaryCaseRequest ordinaryCase,
        @Schema(description = "The work orders' clocks; omitted: as under the policy in force")
        @Valid @Nullable WorkOrderRulesBody workOrders,
        @Schema(example = "County decree 2026-17: minimum-living standard raised to 850 yuan")
        @NotBlank @Size(max = 1000) String reason) {

    /** The ordinary case's rules of a new version. */
    @Schema(name = "OrdinaryCaseRulesRequest")
    public record OrdinaryCaseRequest(
            @Schema(example = "3000.00", description = "A fixed township cap, yuan; omitted: 3x the minimum-living standard")
            @Nullable @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal townshipCap,
            @NotNull Boolean investigation,
            @NotNull Boolean meansTest,
            @Schema(example = "7", description = "Days of public notice; 0: none") @NotNull @Min(0) @Max(30) Integer noticeDays,
            @NotNull Boolean deliberation,
            @Schema(example = "[\"INVESTIGATION\", \"MEANS_TEST\"]") @NotNull Set<@NotNull CaseStep> afterPayment,
            @Schema(example = "15") @NotNull @Min(1) @Max(90) Integer filedDecisionReviewDays) {
    }
}
