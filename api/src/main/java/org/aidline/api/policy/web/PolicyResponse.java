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
        String changedBy,
        Instant changedAt,
        String reason) {
}
