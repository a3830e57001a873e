package org.aidline.intake.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.report.Category;
import org.junit.jupiter.api.Test;

class PolicyChangeTests {

    static PolicyChange change(Money cap, Map<Category, List<Money>> amounts, Map<Category, List<String>> documents,
            Set<Category> excluded, Duration deadline) {
        return new PolicyChange(Set.of(Category.MEDICAL_EMERGENCY, Category.ACCIDENT), Set.of(Category.LOSS_OF_INCOME), excluded,
                Money.ofFen(85_000), cap, amounts, documents, deadline, Duration.ofDays(30), Duration.ofMinutes(15),
                Duration.ofHours(4), null, null, "decree 2026-17");
    }

    static PolicyChange valid(Money cap) {
        return change(cap, Map.of(Category.MEDICAL_EMERGENCY, List.of(Money.ofFen(120_000)), Category.OTHER, List.of(Money.ofFen(85_000))),
                Map.of(Category.OTHER, List.of("ID", "HARDSHIP_PROOF")), Set.of(), Duration.ofDays(10));
    }

    @Test
    void withoutACapTheCapIsThreeTimesTheMinimumLivingStandard() {
        Policy policy = valid(null).toPolicy("640104", 2, CaseRules.DEFAULT, WorkOrderRules.DEFAULT);
        assertThat(policy.cap()).isEqualTo(Money.ofFen(255_000));
        assertThat(policy.versionRef()).isEqualTo(new PolicyVersion("640104", 2));
    }

    @Test
    void aGivenCapIsKept() {
        assertThat(valid(Money.ofFen(300_000)).toPolicy("640104", 1, CaseRules.DEFAULT, WorkOrderRules.DEFAULT).cap()).isEqualTo(Money.ofFen(300_000));
    }

    @Test
    void aConsistentPolicyHasNoViolations() {
        assertThat(valid(null).violations()).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedByItsField() {
        PolicyChange broken = change(Money.ofFen(0),
                Map.of(Category.ACCIDENT, List.of(Money.ofFen(500_000))),
                Map.of(Category.ACCIDENT, List.of(), Category.DISASTER, List.of(" ")),
                Set.of(Category.MEDICAL_EMERGENCY, Category.LOSS_OF_INCOME), Duration.ZERO);
        assertThat(broken.violations()).extracting(Violation::field).contains(
                "cap",
                "excludedCategories",
                "standardAmounts",
                "requiredDocuments[ACCIDENT]",
                "requiredDocuments[DISASTER][0]",
                "requiredDocuments",
                "documentsDeadline");
        assertThatThrownBy(() -> broken.toPolicy("640104", 1, CaseRules.DEFAULT, WorkOrderRules.DEFAULT)).isInstanceOf(InvalidPolicyException.class);
    }

    @Test
    void aStandardAmountAboveTheCapIsRefusedRatherThanCutAtEveryGrant() {
        PolicyChange above = change(null, Map.of(Category.OTHER, List.of(Money.ofFen(85_000), Money.ofFen(255_001))),
                Map.of(Category.OTHER, List.of("ID")), Set.of(), Duration.ofDays(10));
        assertThat(above.violations()).containsExactly(new Violation("standardAmounts[OTHER][1]", "must not exceed the cap of 2550.00 yuan"));
    }

    @Test
    void durationsLongerThanAYearAreTypingErrors() {
        PolicyChange tooLong = change(null, Map.of(Category.OTHER, List.of(Money.ofFen(85_000))), Map.of(Category.OTHER, List.of("ID")),
                Set.of(), Duration.ofDays(367));
        assertThat(tooLong.violations()).extracting(Violation::field).containsExactly("documentsDeadline");
    }
}
