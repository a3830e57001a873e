package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who sees a grant and who attaches its documents. */
class GrantCaseTests {

    final GrantCase grant = new GrantCase(GrantTests.grant(GrantStatus.AWAITING_DOCUMENTS), new ReportReference("K7M-Q4X-PA"),
            new VillageCode("640104001001"), "citizen-1");

    static Actor actor(String subject, Role role, String region) {
        return new Actor(subject, Set.of(role), region.isEmpty() ? null : RegionScope.of(region));
    }

    @ParameterizedTest(name = "{1} {0} of {2}: sees {3}, attaches {4}")
    @CsvSource({
            "citizen-1, CITIZEN, '', true, true",
            "citizen-2, CITIZEN, '', false, false",
            "coord, COORDINATOR, 640104001001, true, true",
            "coord, COORDINATOR, 640104001002, false, false",
            "op, OPERATOR, 640104, true, false",
            "op, OPERATOR, 640105, false, false",
            "sup, SUPERVISOR, 640104, true, false",
            "sup, SUPERVISOR, 640202, false, false",
            "aud, AUDITOR, 640000, true, false",
            "aud, AUDITOR, 640200, false, false"})
    void visibilityAndAttachingFollowTheReportAndTheVillage(String subject, Role role, String region, boolean sees, boolean attaches) {
        Actor actor = actor(subject, role, region);
        assertThat(grant.isVisibleTo(actor)).isEqualTo(sees);
        assertThat(grant.mayAttachDocuments(actor)).isEqualTo(attaches);
    }
}
