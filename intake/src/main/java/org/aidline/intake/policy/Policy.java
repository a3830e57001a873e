package org.aidline.intake.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.report.Category;

/**
 * The rules of assistance in force for a county: which emergencies take the fast track, how
 * much is paid, how long documents may take, how often a household may be helped, how an
 * ordinary case is decided, how its work orders are clocked. Decrees
 * change them; each change is a new version and decisions keep the version they used.
 */
public record Policy(
        String countyCode,
        int version,
        Set<Category> fastTrackCategories,
        Set<Category> referralCategories,
        Set<Category> excludedCategories,
        Money minimumLivingStandard,
        Money cap,
        Map<Category, List<Money>> standardAmounts,
        Map<Category, List<String>> requiredDocuments,
        Duration documentsDeadline,
        Duration frequencyWindow,
        Duration urgentAcknowledgement,
        Duration normalAcknowledgement,
        CaseRules ordinaryCase,
        WorkOrderRules workOrders) {

    /** The code under which the province-wide default policy is kept. */
    public static final String PROVINCE_DEFAULT = "640000";

    public Policy {
        fastTrackCategories = Set.copyOf(fastTrackCategories);
        referralCategories = Set.copyOf(referralCategories);
        excludedCategories = Set.copyOf(excludedCategories);
        standardAmounts = Map.copyOf(standardAmounts);
        requiredDocuments = Map.copyOf(requiredDocuments);
    }

    /** The standard amount for a category and household size; the last column is for five or more. */
    public Money standardAmount(Category category, int householdSize) {
        List<Money> bySize = standardAmounts.getOrDefault(category, standardAmounts.get(Category.OTHER));
        if (bySize == null || bySize.isEmpty()) {
            return minimumLivingStandard;
        }
        return bySize.get(Math.min(Math.max(householdSize, 1), bySize.size()) - 1);
    }

    /** Every document a grant of this category will need, named at once so nobody is sent back twice. */
    public List<String> requiredDocuments(Category category) {
        return requiredDocuments.getOrDefault(category, requiredDocuments.getOrDefault(Category.OTHER, List.of("ID", "HARDSHIP_PROOF")));
    }

    /** What a township decides by itself in an ordinary case (above it, the county decides). */
    public Money townshipCap() {
        return ordinaryCase.townshipCap(minimumLivingStandard);
    }

    public PolicyVersion versionRef() {
        return new PolicyVersion(countyCode, version);
    }
}
