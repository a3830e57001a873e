package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Attachment;
import org.aidline.intake.report.ReportReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Attaching documents: the order of refusals and what a lost race looks like. */
class GrantDocumentsTests {

    final GrantCase grant = new GrantCase(GrantTests.grant(GrantStatus.AWAITING_DOCUMENTS), new ReportReference("K7M-Q4X-PA"),
            new VillageCode("640104001001"), "citizen-1");
    final FakeGrants grants = new FakeGrants(grant);
    final GrantDocuments documents = new GrantDocuments(grants, Clock.fixed(GrantTests.NOW, ZoneOffset.UTC));
    final Actor citizen = new Actor("citizen-1", Set.of(Role.CITIZEN), null);
    final List<Attachment> id = List.of(new Attachment("ID", GrantDocumentTests.SHA, 10, "https://x/id.jpg"));

    @Test
    void theAttachmentIsStoredUnderTheNewVersionAtTheClocksTime() {
        StepVerifier.create(documents.attach(grant.grant().id(), citizen, Set.of(3), id))
                .assertNext(attached -> {
                    assertThat(attached.grant().version()).isEqualTo(4);
                    assertThat(attached.grant().documents()).singleElement()
                            .satisfies(document -> assertThat(document.attachedAt()).isEqualTo(GrantTests.NOW))
                            .satisfies(document -> assertThat(document.attachedBy()).isEqualTo("citizen-1"));
                })
                .verifyComplete();
    }

    @Test
    void aVersionTheClientDidNotSeeIsStaleBeforeAnythingIsWritten() {
        StepVerifier.create(documents.attach(grant.grant().id(), citizen, Set.of(2), id)).verifyError(StaleGrantException.class);
        assertThat(grants.attachCalls).isZero();
    }

    @Test
    void aWriteTheDatabaseRefusesIsStale() {
        grants.onAttach = Mono::empty;
        StepVerifier.create(documents.attach(grant.grant().id(), citizen, Set.of(3), id)).verifyError(StaleGrantException.class);
    }

    @Test
    void aHistoryCollisionIsRetriedAndWhenItPersistsReportedAsItself() {
        grants.onAttach = () -> Mono.error(new ConcurrentChangeException("collided"));
        StepVerifier.create(documents.attach(grant.grant().id(), citizen, Set.of(3), id)).verifyError(ConcurrentChangeException.class);
        assertThat(grants.attachCalls).isEqualTo(4);
    }

    @Test
    void someoneWhoMaySeeButNotAttachIsRefusedAndSomeoneWhoMayNotSeeFindsNothing() {
        Actor operator = new Actor("op", Set.of(Role.OPERATOR), RegionScope.of("640104"));
        StepVerifier.create(documents.attach(grant.grant().id(), operator, Set.of(3), id)).verifyError(ActionNotAllowedException.class);
        Actor stranger = new Actor("citizen-2", Set.of(Role.CITIZEN), null);
        StepVerifier.create(documents.attach(grant.grant().id(), stranger, Set.of(3), id)).verifyComplete();
        assertThat(grants.attachCalls).isZero();
    }
}
