package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aidline.intake.report.ReportEvent;
import org.junit.jupiter.api.Test;

class GrantEventsTests {

    @Test
    void eachAttachedDocumentIsAnEventAndCompletionOneMore() {
        Grant read = GrantTests.grant(GrantStatus.AWAITING_DOCUMENTS, GrantTests.document("ID"));
        List<GrantDocument> added = List.of(GrantTests.document("HOSPITAL_DIAGNOSIS"), GrantTests.document("MEDICAL_BILLS"));
        List<ReportEvent> events = GrantEvents.attached(read, read.attach(added), added, "citizen-1", GrantTests.NOW);
        assertThat(events).extracting(ReportEvent::type)
                .containsExactly(GrantEvents.DOCUMENT_ATTACHED, GrantEvents.DOCUMENT_ATTACHED, GrantEvents.DOCUMENTED);
        assertThat(events).extracting(ReportEvent::sequence).containsExactly(1, 2, 3);
        assertThat(events.get(1).detail()).containsEntry("documentType", "MEDICAL_BILLS").containsEntry("required", true);
        assertThat(events).allSatisfy(event -> assertThat(event.actor()).isEqualTo("citizen-1"));
    }

    @Test
    void anIncompleteAttachmentIsNoCompletion() {
        Grant read = GrantTests.grant(GrantStatus.AWAITING_DOCUMENTS);
        List<GrantDocument> added = List.of(GrantTests.document("RECEIPT"));
        List<ReportEvent> events = GrantEvents.attached(read, read.attach(added), added, "coord", GrantTests.NOW);
        assertThat(events).extracting(ReportEvent::type).containsExactly(GrantEvents.DOCUMENT_ATTACHED);
        assertThat(events.get(0).detail()).containsEntry("required", false);
    }
}
