package org.aidline.intake.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/**
 * A supervisor's proposal for a county's policy: every term in full, and why. Without a cap, the
 * cap is {@value #DEFAULT_CAP_MULTIPLE} times the monthly minimum-living standard (MISSION.md).
 */
public record PolicyChange(
        Set<Category> fastTrackCategories,
        Set<Category> referralCategories,
        Set<Category> excludedCategories,
        Money minimumLivingStandard,
        @Nullable Money cap,
        Map<Category, List<Money>> standardAmounts,
        Map<Category, List<String>> requiredDocuments,
        Duration documentsDeadline,
        Duration frequencyWindow,
        Duration urgentAcknowledgement,
        Duration normalAcknowledgement,
        @Nullable CaseRules ordinaryCase,
        @Nullable WorkOrderRules workOrders,
        String reason) {

    public static final int DEFAULT_CAP_MULTIPLE = 3;
    /** No deadline, window or SLA of a decree is longer than a year; a longer one is a typing error. */
    public static final Duration LONGEST = Duration.ofDays(366);

    public PolicyChange {
        fastTrackCategories = Set.copyOf(fastTrackCategories);
        referralCategories = Set.copyOf(referralCategories);
        excludedCategories = Set.copyOf(excludedCategories);
        standardAmounts = copy(standardAmounts);
        requiredDocuments = copy(requiredDocuments);
    }

    /** The cap in force under this change: the one given, or the default multiple of the minimum-living standard. */
    public Money effectiveCap() {
        return cap != null ? cap : Money.ofFen(Math.multiplyExact(minimumLivingStandard.fen(), DEFAULT_CAP_MULTIPLE));
    }

    /** Every rule this proposal breaks, in a stable order; empty when it may be put in force. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (minimumLivingStandard.fen() <= 0) {
            found.add(new Violation("minimumLivingStandard", "must be more than 0"));
        }
        if (cap != null && cap.fen() <= 0) {
            found.add(new Violation("cap", "must be more than 0"));
        }
        for (Category category : sorted(excludedCategories)) {
            if (fastTrackCategories.contains(category)) {
                found.add(new Violation("excludedCategories", category + " is also a fast-track category"));
            }
            if (referralCategories.contains(category)) {
                found.add(new Violation("excludedCategories", category + " is also a referral category"));
            }
        }
        amountViolations(found);
        documentViolations(found);
        durationViolation(found, "documentsDeadline", documentsDeadline);
        durationViolation(found, "frequencyWindow", frequencyWindow);
        durationViolation(found, "urgentAcknowledgement", urgentAcknowledgement);
        durationViolation(found, "normalAcknowledgement", normalAcknowledgement);
        if (ordinaryCase != null) {
            found.addAll(ordinaryCase.violations());
        }
        if (workOrders != null) {
            found.addAll(workOrders.violations());
        }
        if (reason.isBlank()) {
            found.add(new Violation("reason", "must not be blank"));
        }
        return found;
    }

    /**
     * The policy this change puts in force as the given version; refuses an inconsistent one. A
     * change that does not state the ordinary case's rules (or the work orders') keeps those in force.
     */
    public Policy toPolicy(String countyCode, int version, CaseRules ordinaryCaseInForce, WorkOrderRules workOrdersInForce) {
        List<Violation> violations = violations();
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException(violations);
        }
        return new Policy(countyCode, version, fastTrackCategories, referralCategories, excludedCategories,
                minimumLivingStandard, effectiveCap(), standardAmounts, requiredDocuments,
                documentsDeadline, frequencyWindow, urgentAcknowledgement, normalAcknowledgement,
                ordinaryCase != null ? ordinaryCase : ordinaryCaseInForce, workOrders != null ? workOrders : workOrdersInForce);
    }

    private void amountViolations(List<Violation> found) {
        Money effectiveCap = effectiveCap();
        for (Category category : sorted(standardAmounts.keySet())) {
            List<Money> amounts = standardAmounts.get(category);
            if (amounts.isEmpty()) {
                found.add(new Violation("standardAmounts[" + category + "]", "needs at least one amount"));
            }
            for (int i = 0; i < amounts.size(); i++) {
                Money amount = amounts.get(i);
                if (amount.fen() <= 0) {
                    found.add(new Violation("standardAmounts[" + category + "][" + i + "]", "must be more than 0"));
                } else if (effectiveCap.fen() > 0 && amount.compareTo(effectiveCap) > 0) {
                    // A standard amount above the cap would be cut silently at every grant.
                    found.add(new Violation("standardAmounts[" + category + "][" + i + "]",
                            "must not exceed the cap of " + effectiveCap.yuan() + " yuan"));
                }
            }
        }
        for (Category category : sorted(fastTrackCategories)) {
            if (!standardAmounts.containsKey(category) && !standardAmounts.containsKey(Category.OTHER)) {
                found.add(new Violation("standardAmounts", "has no amounts for the fast-track category " + category + " (nor for OTHER)"));
            }
        }
    }

    private void documentViolations(List<Violation> found) {
        for (Category category : sorted(requiredDocuments.keySet())) {
            List<String> documents = requiredDocuments.get(category);
            if (documents.isEmpty()) {
                found.add(new Violation("requiredDocuments[" + category + "]", "names at least one document"));
            }
            for (int i = 0; i < documents.size(); i++) {
                if (documents.get(i).isBlank()) {
                    found.add(new Violation("requiredDocuments[" + category + "][" + i + "]", "must not be blank"));
                }
            }
        }
        for (Category category : sorted(fastTrackCategories)) {
            if (!requiredDocuments.containsKey(category) && !requiredDocuments.containsKey(Category.OTHER)) {
                found.add(new Violation("requiredDocuments", "names no documents for the fast-track category " + category + " (nor for OTHER)"));
            }
        }
    }

    private static void durationViolation(List<Violation> found, String field, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            found.add(new Violation(field, "must be a positive duration"));
        } else if (duration.compareTo(LONGEST) > 0) {
            found.add(new Violation(field, "must not be longer than 366 days"));
        }
    }

    private static Set<Category> sorted(Set<Category> categories) {
        return categories.isEmpty() ? Set.of() : EnumSet.copyOf(categories);
    }

    private static <T> Map<Category, List<T>> copy(Map<Category, List<T>> byCategory) {
        Map<Category, List<T>> copied = new EnumMap<>(Category.class);
        byCategory.forEach((category, values) -> copied.put(category, List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(copied));
    }
}
