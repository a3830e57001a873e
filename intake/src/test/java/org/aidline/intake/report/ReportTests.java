package org.aidline.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.region.VillageCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportTests {

    private static final String VILLAGE = "640104001001";

    private final Report report = SampleReports.received(VILLAGE);

    private static Actor citizen(String subject) {
        return new Actor(subject, Set.of(Role.CITIZEN), null);
    }

    private static Actor staff(Role role, String region) {
        return new Actor("staff-" + role.name().toLowerCase(), Set.of(role), RegionScope.of(region));
    }

    @Test
    void citizenWhoFiledSeesTheReport() {
        assertThat(report.isVisibleTo(citizen(SampleReports.FILER))).isTrue();
    }

    @Test
    void anotherCitizenDoesNotSeeTheReport() {
        assertThat(report.isVisibleTo(citizen("citizen-someone-else"))).isFalse();
    }

    @Test
    void citizenWhoseTokenCarriesTheRegionStillSeesOnlyWhatTheyFiled() {
        Actor neighbour = new Actor("citizen-neighbour", Set.of(Role.CITIZEN), RegionScope.of("640104"));

        assertThat(report.isVisibleTo(neighbour)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "SUPERVISOR", "AUDITOR", "COORDINATOR"})
    void staffOfTheCountySeeTheReport(Role role) {
        assertThat(report.isVisibleTo(staff(role, "640104"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"640000", "640100", "640104", "640104001", "640104001000", "640104001001"})
    void staffWhoseRegionCoversTheVillageSeeTheReport(String region) {
        assertThat(report.isVisibleTo(staff(Role.OPERATOR, region))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "SUPERVISOR", "AUDITOR", "COORDINATOR"})
    void staffOfAnotherCountyDoNotSeeTheReport(Role role) {
        assertThat(report.isVisibleTo(staff(role, "640105"))).isFalse();
        assertThat(report.isVisibleTo(staff(role, "640202"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"640200", "640104002", "640104002000", "640104001002"})
    void staffOfANeighbouringRegionDoNotSeeTheReport(String region) {
        assertThat(report.isVisibleTo(staff(Role.COORDINATOR, region))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "SUPERVISOR", "AUDITOR", "COORDINATOR"})
    void staffWithoutRegionDoNotSeeTheReport(Role role) {
        Actor noRegion = new Actor("staff-without-region", Set.of(role), null);

        assertThat(report.isVisibleTo(noRegion)).isFalse();
    }

    @Test
    void receivedReportStartsWithOneReceivedEvent() {
        Instant at = Instant.parse("2025-03-01T08:00:00Z");
        Report received = SampleReports.received(VILLAGE, SampleReports.FILER, at);

        assertThat(received.status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(received.createdAt()).isEqualTo(at);
        assertThat(received.updatedAt()).isEqualTo(at);
        assertThat(received.countyCode()).isEqualTo("640104");
        assertThat(received.history()).singleElement().satisfies(event -> {
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.type()).isEqualTo(ReportEvent.RECEIVED);
            assertThat(event.actor()).isEqualTo(SampleReports.FILER);
            assertThat(event.at()).isEqualTo(at);
        });
    }

    @Test
    void receivedReportKeepsTheSubjectsIdNumberOnlyMasked() {
        String number = ResidentIdSamples.withCheckCharacter("64010419900101123");
        NewReport filed = new NewReport(Channel.HOTLINE, Category.MEDICAL_EMERGENCY, "Needs surgery",
                new VillageCode(VILLAGE), true, null,
                new Subject("Ma Lan", new ResidentId(number), PhoneNumber.parse("13800000000"), 4),
                null, List.of(), null, "call-1", "operator-1");

        Report received = Report.received(filed, ReportId.next(), ReportReference.random(), Instant.now());

        assertThat(received.subject().maskedIdNumber()).isEqualTo(new ResidentId(number).masked());
        assertThat(received.toString()).doesNotContain(number);
    }
}
