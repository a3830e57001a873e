package org.aidline.intake.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.triage.Triage;
import org.aidline.intake.triage.TriageCase;
import org.jspecify.annotations.Nullable;

/** A hardship report with its status and history; {@code orderNumber} is the 12345 platform's work order it came from, if any. */
public record Report(
        ReportId id,
        ReportReference reference,
        Channel channel,
        Category category,
        ReportStatus status,
        String description,
        VillageCode village,
        boolean urgent,
        @Nullable Money requestedAmount,
        RecordedSubject subject,
        @Nullable Location location,
        List<Attachment> attachments,
        @Nullable Caller caller,
        @Nullable String callId,
        @Nullable String orderNumber,
        String filedBy,
        Instant createdAt,
        Instant updatedAt,
        List<ReportEvent> history,
        @Nullable Triage triage,
        @Nullable Grant grant) {

    public Report {
        attachments = List.copyOf(attachments);
        history = List.copyOf(history);
    }

    /** A report as it stands the moment it is received. */
    static Report received(NewReport filed, ReportId id, ReportReference reference, Instant at) {
        Subject subject = filed.subject();
        RecordedSubject recorded = new RecordedSubject(
                subject.name(),
                subject.idNumber() == null ? null : subject.idNumber().masked(),
                subject.phone(),
                subject.householdSize());
        ReportEvent received = new ReportEvent(1, ReportEvent.RECEIVED, at, filed.filedBy(),
                Map.of("channel", filed.channel().name()));
        return new Report(id, reference, filed.channel(), filed.category(), ReportStatus.RECEIVED,
                filed.description(), filed.village(), filed.urgent(), filed.requestedAmount(), recorded,
                filed.location(), filed.attachments(), filed.caller(), filed.callId(), filed.orderNumber(), filed.filedBy(), at, at,
                List.of(received), null, null);
    }

    /** The report once triage has decided, with the grant if it is a fast-track one. */
    public Report triaged(Triage decided, @Nullable Grant granted, Instant at) {
        List<ReportEvent> events = new ArrayList<>(history);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decided.decision().name());
        detail.put("reasons", decided.reasons().stream().map(Enum::name).toList());
        detail.put("policy", decided.policy().toString());
        if (decided.linkedReport() != null) {
            detail.put("linkedReport", decided.linkedReport().toString());
        }
        events.add(new ReportEvent(events.size() + 1, ReportEvent.TRIAGED, at, ReportEvent.SYSTEM, detail));
        if (granted != null) {
            Map<String, Object> grantDetail = new LinkedHashMap<>();
            grantDetail.put("grant", granted.id().toString());
            grantDetail.put("amountFen", granted.amount().fen());
            grantDetail.put("status", granted.status().name());
            events.add(new ReportEvent(events.size() + 1, ReportEvent.GRANTED, at, ReportEvent.SYSTEM, grantDetail));
        }
        return new Report(id, reference, channel, category, ReportStatus.after(decided.decision()), description, village, urgent,
                requestedAmount, subject, location, attachments, caller, callId, orderNumber, filedBy, createdAt, at, events, decided, granted);
    }

    /** What triage looks at. */
    public TriageCase triageCase(boolean identityKnown) {
        return new TriageCase(category, urgent, channel, identityKnown, requestedAmount, subject.householdSize());
    }

    public String countyCode() {
        return village.countyCode();
    }

    /**
     * Citizens see only what they filed; staff see reports of their region. Anyone else is told
     * the report does not exist, so that identifiers cannot be probed.
     */
    public boolean isVisibleTo(Actor actor) {
        return isVisible(actor, filedBy, village);
    }

    /** The same rule for what belongs to a report: its case, its steps. */
    public static boolean isVisible(Actor actor, String filedBy, VillageCode village) {
        if (actor.has(Role.CITIZEN) && actor.subject().equals(filedBy)) {
            return true;
        }
        return actor.worksIn(village, Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR);
    }
}
