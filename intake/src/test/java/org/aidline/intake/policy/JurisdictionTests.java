package org.aidline.intake.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.RegionScope;
import org.junit.jupiter.api.Test;

class JurisdictionTests {

    static Actor actor(Role role, String region) {
        return new Actor(role + "-x", Set.of(role), RegionScope.of(region));
    }

    @Test
    void countyPrefectureAndProvinceStaffCoverTheWholeCounty() {
        assertThat(Jurisdiction.covers(actor(Role.SUPERVISOR, "640104"), "640104", Role.SUPERVISOR)).isTrue();
        assertThat(Jurisdiction.covers(actor(Role.SUPERVISOR, "640100"), "640104", Role.SUPERVISOR)).isTrue();
        assertThat(Jurisdiction.covers(actor(Role.AUDITOR, "640000"), "640104", Role.AUDITOR)).isTrue();
    }

    @Test
    void townshipStaffOtherCountiesAndOtherRolesDoNotCoverIt() {
        assertThat(Jurisdiction.covers(actor(Role.SUPERVISOR, "640104001"), "640104", Role.SUPERVISOR)).isFalse();
        assertThat(Jurisdiction.covers(actor(Role.SUPERVISOR, "640105"), "640104", Role.SUPERVISOR)).isFalse();
        assertThat(Jurisdiction.covers(actor(Role.SUPERVISOR, "640200"), "640104", Role.SUPERVISOR)).isFalse();
        assertThat(Jurisdiction.covers(actor(Role.OPERATOR, "640104"), "640104", Role.SUPERVISOR)).isFalse();
    }

    @Test
    void onlyProvinceStaffCoverTheProvinceDefault() {
        assertThat(Jurisdiction.covers(actor(Role.SUPERVISOR, "640000"), Policy.PROVINCE_DEFAULT, Role.SUPERVISOR)).isTrue();
        assertThat(Jurisdiction.covers(actor(Role.SUPERVISOR, "640104"), Policy.PROVINCE_DEFAULT, Role.SUPERVISOR)).isFalse();
    }

    @Test
    void aCoordinatorOfOneOfItsVillagesWorksInTheCountyButNotInTheNext() {
        assertThat(Jurisdiction.worksIn(actor(Role.COORDINATOR, "640104001001"), "640104", Role.COORDINATOR)).isTrue();
        assertThat(Jurisdiction.worksIn(actor(Role.COORDINATOR, "640104001001"), "640105", Role.COORDINATOR)).isFalse();
        assertThat(Jurisdiction.worksIn(actor(Role.COORDINATOR, "640104001001"), Policy.PROVINCE_DEFAULT, Role.COORDINATOR)).isTrue();
        assertThat(Jurisdiction.worksIn(actor(Role.CITIZEN, "640104"), "640104", Role.COORDINATOR)).isFalse();
    }
}
