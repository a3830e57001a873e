package org.aidline.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.ReportId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TriageRulesTests {

    final TriageRules rules = new TriageRules();
    final Policy policy = Policies.provinceDefault();
    final ReportId earlier = ReportId.next();

    static TriageCase urgent(Category category) {
        return new TriageCase(category, true, Channel.APP, true, Money.ofFen(100_000), 3);
    }

    @ParameterizedTest
    @EnumSource(names = {"MEDICAL_EMERGENCY", "ACCIDENT", "DISASTER", "CHILD_WITHOUT_CARE"})
    void urgentEmergenciesAreFastTracked(Category category) {
        Triage triage = rules.triage(urgent(category), HouseholdHistory.none(), policy);
        assertThat(triage.decision()).isEqualTo(Decision.FAST_TRACK);
        assertThat(triage.reasons()).containsExactly(Reason.URGENT_FAST_TRACK_CATEGORY);
        assertThat(triage.policy()).isEqualTo(policy.versionRef());
    }

    @ParameterizedTest
    @EnumSource(names = {"LOSS_OF_INCOME", "UNEMPLOYED_UNINSURED", "UNEMPLOYED_GRADUATE", "BASIC_LIVING", "DISABILITY", "OTHER"})
    void urgentReportsOutsideTheFastTrackCategoriesAreStandard(Category category) {
        Triage triage = rules.triage(urgent(category), HouseholdHistory.none(), policy);
        assertThat(triage.decision()).isEqualTo(Decision.STANDARD);
        assertThat(triage.reasons()).containsExactly(Reason.CATEGORY_NOT_FAST_TRACK);
    }

    @Test
    void notUrgentEmergencyCategoryIsStandard() {
        TriageCase calm = new TriageCase(Category.MEDICAL_EMERGENCY, false, Channel.APP, true, null, 2);
        assertThat(rules.triage(calm, HouseholdHistory.none(), policy).reasons()).containsExactly(Reason.NOT_URGENT);
    }

    @Test
    void householdGrantedWithinTheWindowIsADuplicateLinkedToTheGrantedReport() {
        HouseholdHistory granted = new HouseholdHistory(true, Optional.of(earlier), Optional.empty());
        Triage triage = rules.triage(urgent(Category.MEDICAL_EMERGENCY), granted, policy);
        assertThat(triage.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(triage.reasons()).containsExactly(Reason.HOUSEHOLD_GRANTED_WITHIN_WINDOW);
        assertThat(triage.linkedReport()).isEqualTo(earlier);
    }

    @Test
    void householdWithAnOpenCaseIsADuplicateEvenWhenNotUrgent() {
        HouseholdHistory open = new HouseholdHistory(true, Optional.empty(), Optional.of(earlier));
        TriageCase calm = new TriageCase(Category.BASIC_LIVING, false, Channel.HOTLINE, true, null, 2);
        Triage triage = rules.triage(calm, open, policy);
        assertThat(triage.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(triage.reasons()).containsExactly(Reason.HOUSEHOLD_HAS_OPEN_CASE);
    }

    @Test
    void excludedCategoriesAreRejectedBeforeAnythingElse() {
        Policy excluding = Policies.with(Set.of(), Set.of(Category.OTHER));
        HouseholdHistory open = new HouseholdHistory(true, Optional.empty(), Optional.of(earlier));
        Triage triage = rules.triage(urgent(Category.OTHER), open, excluding);
        assertThat(triage.decision()).isEqualTo(Decision.REJECTED);
        assertThat(triage.reasons()).containsExactly(Reason.CATEGORY_EXCLUDED_BY_POLICY);
    }

    @Test
    void referredCategoriesGoToAnotherDepartmentUnlessTheyAreUrgentEmergencies() {
        Policy referring = Policies.with(Set.of(Category.UNEMPLOYED_GRADUATE, Category.DISABILITY, Category.CHILD_WITHOUT_CARE), Set.of());
        assertThat(rules.triage(urgent(Category.UNEMPLOYED_GRADUATE), HouseholdHistory.none(), referring).decision())
                .isEqualTo(Decision.REFERRAL);
        assertThat(rules.triage(urgent(Category.CHILD_WITHOUT_CARE), HouseholdHistory.none(), referring).decision())
                .isEqualTo(Decision.FAST_TRACK);
    }

    @Test
    void unknownIdentityIsFastTrackedWithoutAHouseholdCheckAndSaysSo() {
        TriageCase noId = new TriageCase(Category.ACCIDENT, true, Channel.HOTLINE, false, null, 1);
        Triage triage = rules.triage(noId, HouseholdHistory.unknown(), policy);
        assertThat(triage.decision()).isEqualTo(Decision.FAST_TRACK);
        assertThat(triage.reasons()).contains(Reason.IDENTITY_UNKNOWN_HOUSEHOLD_NOT_CHECKED, Reason.STANDARD_AMOUNT_APPLIED);
    }

    @Test
    void requestsAboveTheCapSayWhy() {
        TriageCase large = new TriageCase(Category.DISASTER, true, Channel.VISIT, true, Money.ofFen(500_000), 5);
        assertThat(rules.triage(large, HouseholdHistory.none(), policy).reasons()).contains(Reason.REQUEST_ABOVE_CAP);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyReportGetsExactlyOneDecisionWhateverTheInput(Category category) {
        java.util.Random random = new java.util.Random(category.ordinal());
        for (int i = 0; i < 200; i++) {
            TriageCase any = new TriageCase(category, random.nextBoolean(), Channel.values()[random.nextInt(4)], random.nextBoolean(),
                    random.nextBoolean() ? null : Money.ofFen(random.nextInt(1_000_000)), 1 + random.nextInt(50));
            HouseholdHistory household = new HouseholdHistory(any.identityKnown(),
                    any.identityKnown() && random.nextInt(5) == 0 ? Optional.of(earlier) : Optional.empty(),
                    any.identityKnown() && random.nextInt(5) == 0 ? Optional.of(earlier) : Optional.empty());
            Triage triage = rules.triage(any, household, policy);
            assertThat(triage.reasons()).isNotEmpty();
            if (triage.decision() == Decision.FAST_TRACK) {
                assertThat(any.urgent()).isTrue();
                assertThat(household.grantedWithinWindow()).isEmpty();
                assertThat(household.openCase()).isEmpty();
            }
        }
    }
}
