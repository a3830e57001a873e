package org.aidline.registry.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.ResidentId;
import org.junit.jupiter.api.Test;

class EventPlansTests {

    static final String COUNTY = "640521";

    @Test
    void carerLostIsAVisitThatSaysWhereItCameFrom() {
        EventPlan plan = EventPlans.plan(event(RegistryEventType.CARER_LOST, null), rule(RegistryEventType.CARER_LOST, EventAction.VISIT,
                Category.CHILD_WITHOUT_CARE, null, false));

        assertThat(plan).isInstanceOfSatisfying(EventPlan.FileReport.class, file -> {
            assertThat(file.category()).isEqualTo(Category.CHILD_WITHOUT_CARE);
            assertThat(file.urgent()).isFalse();
            assertThat(file.mergeWindowDays()).isEqualTo(30);
            assertThat(file.description()).contains("Registry event CARER_LOST from EDUCATION (event E-1)").contains("not an application");
        });
    }

    @Test
    void deathEndsTheEnrolments() {
        assertThat(EventPlans.plan(event(RegistryEventType.DEATH, null), rule(RegistryEventType.DEATH, EventAction.END_ENROLMENTS, null, null,
                false))).isInstanceOf(EventPlan.EndEnrolments.class);
    }

    @Test
    void medicalBillAtTheThresholdIsUrgentAndProactiveWhereTheRuleAllows() {
        EventPlan plan = EventPlans.plan(event(RegistryEventType.MEDICAL_BILL, Money.ofFen(500_000)),
                rule(RegistryEventType.MEDICAL_BILL, EventAction.TEMPORARY_AID, Category.MEDICAL_EMERGENCY, Money.ofFen(500_000), true));

        assertThat(plan).isInstanceOfSatisfying(EventPlan.FileReport.class, file -> {
            assertThat(file.urgent()).isTrue();
            assertThat(file.proactive()).isTrue();
            assertThat(file.description()).contains("免申即享").contains("5000.00 yuan");
        });
    }

    @Test
    void medicalBillAboveTheThresholdIsOnlyReviewedWhereTheRuleIsNotProactive() {
        EventPlan plan = EventPlans.plan(event(RegistryEventType.MEDICAL_BILL, Money.ofFen(900_000)),
                rule(RegistryEventType.MEDICAL_BILL, EventAction.TEMPORARY_AID, Category.MEDICAL_EMERGENCY, Money.ofFen(500_000), false));

        assertThat(plan).isInstanceOfSatisfying(EventPlan.FileReport.class, file -> {
            assertThat(file.urgent()).isFalse();
            assertThat(file.proactive()).isFalse();
        });
    }

    @Test
    void medicalBillBelowTheThresholdDoesNothing() {
        assertThat(EventPlans.plan(event(RegistryEventType.MEDICAL_BILL, Money.ofFen(499_999)),
                rule(RegistryEventType.MEDICAL_BILL, EventAction.TEMPORARY_AID, Category.MEDICAL_EMERGENCY, Money.ofFen(500_000), true)))
                .isInstanceOf(EventPlan.NoAction.class);
    }

    @Test
    void anEventNoRuleWasWrittenForIsRecordedOnly() {
        assertThat(EventPlans.plan(event(RegistryEventType.DISABILITY_CERTIFIED, null),
                EventRule.none(COUNTY, RegistryEventType.DISABILITY_CERTIFIED))).isInstanceOf(EventPlan.NoAction.class);
    }

    private static RegistryEvent event(RegistryEventType type, Money amount) {
        return new RegistryEvent(new EventKey("EDUCATION", "E-1"), type, new ResidentId("11010519491231002X"), null,
                new VillageCode(COUNTY + "001001"), LocalDate.of(2025, 3, 1), amount, null);
    }

    private static EventRule rule(RegistryEventType type, EventAction action, Category category, Money threshold, boolean proactive) {
        return new EventRule(COUNTY, type, LocalDate.of(2020, 1, 1), action, category, 30, threshold, proactive);
    }
}
