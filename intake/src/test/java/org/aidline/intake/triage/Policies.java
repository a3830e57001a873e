package org.aidline.intake.triage;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.CaseRules;
import org.aidline.intake.policy.WorkOrderRules;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.report.Category;

/** Policies for tests, shaped like the province default. */
public final class Policies {

    private Policies() {
    }

    public static Policy provinceDefault() {
        return with(Set.of(), Set.of());
    }

    public static Policy with(Set<Category> referred, Set<Category> excluded) {
        return new Policy("640000", 1,
                EnumSet.of(Category.MEDICAL_EMERGENCY, Category.ACCIDENT, Category.DISASTER, Category.CHILD_WITHOUT_CARE),
                referred, excluded,
                Money.ofFen(80_000), Money.ofFen(240_000),
                Map.of(Category.MEDICAL_EMERGENCY, fen(120_000, 150_000, 180_000, 210_000, 240_000),
                        Category.OTHER, fen(80_000, 80_000, 80_000, 80_000, 80_000)),
                Map.of(Category.MEDICAL_EMERGENCY, List.of("ID", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS"),
                        Category.OTHER, List.of("ID", "HARDSHIP_PROOF")),
                Duration.ofDays(10), Duration.ofDays(30), Duration.ofMinutes(15), Duration.ofHours(4), CaseRules.DEFAULT,
                WorkOrderRules.DEFAULT);
    }

    private static List<Money> fen(long... amounts) {
        return java.util.Arrays.stream(amounts).mapToObj(Money::ofFen).toList();
    }
}
