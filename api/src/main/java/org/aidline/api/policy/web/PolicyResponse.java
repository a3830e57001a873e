package org.aidline.api.policy.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A policy version as staff see it: whose it is (the county's own or the province default), its terms, who set it and why. */
public record PolicyResponse(
        @Schema(description = "The county asked about", example = "640104") String countyCode,
        @Schema(description = "COUNTY: the county's own policy; PROVINCE_DEFAULT: the county follows the province default")
        String source,
        @Schema(description = "Whose policy this is: the county, or 640000 for the province default", example = "640000") String policyCounty,
        @Schema(example = "1") int version,
        List<String> fastTrackCategories,
        List<String> referralCategories,
        List<String> excludedCategories,
        @Schema(description = "Yuan") BigDecimal minimumLivingStandard,
        @Schema(description = "Yuan") BigDecimal cap,
        Map<String, List<BigDecimal>> standardAmounts,
        Map<String, List<String>> requiredDocuments,
        @Schema(example = "P10D") String documentsDeadline,
        @Schema(example = "P30D") String frequencyWindow,
        @Schema(example = "PT15M") String urgentAcknowledgement,
        @Schema(example = "PT4H") String normalAcknowledgement,
        OrdinaryCaseView ordinaryCase,
        WorkOrderRulesBody workOrders,
        String changedBy,
        Instant changedAt,
        String reason) {

    /** How an ordinary case is decided under this policy. */
    @Schema(name = "OrdinaryCaseRules")
    public record OrdinaryCaseView(
            @Schema(description = "What a township decides by itself, yuan", example = "2550.00") BigDecimal townshipCap,
            @Schema(description = "True when the cap is a fixed sum; false when it is 3x the minimum-living standard") boolean townshipCapFixed,
            boolean investigation,
            boolean meansTest,
            @Schema(description = "Days of public notice; 0: none", example = "7") int noticeDays,
            boolean deliberation,
            @Schema(description = "The steps an emergency does after payment", example = "[\"INVESTIGATION\", \"MEANS_TEST\"]")
            List<String> afterPayment,
            @Schema(description = "Days the county may overturn a township's filed decision", example = "15") int filedDecisionReviewDays) {
    }
}
