package org.aidline.intake.report.persistence;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.grant.persistence.StoredDocuments;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.triage.Decision;
import org.aidline.intake.triage.Reason;
import org.aidline.intake.triage.Triage;
import org.jspecify.annotations.Nullable;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Attachment;
import org.aidline.intake.report.Caller;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.Location;
import org.aidline.intake.report.PhoneNumber;
import org.aidline.intake.report.RecordedSubject;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportReference;
import org.aidline.intake.report.ReportStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns report rows into reports and the JSON columns into values, and back. */
public class ReportRowMapper {

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() { };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> DOCUMENTS = new TypeReference<>() { };

    private final JsonMapper json;
    private final StoredDocuments documents;

    public ReportRowMapper(JsonMapper json) {
        this.json = json;
        this.documents = new StoredDocuments(json);
    }

    String json(Object value) {
        return json.writeValueAsString(value);
    }

    Report report(Readable row, List<ReportEvent> history) {
        String subjectPhone = row.get("subject_phone", String.class);
        String callerPhone = row.get("caller_phone", String.class);
        Long requestedFen = row.get("requested_amount_fen", Long.class);
        Double latitude = row.get("latitude", Double.class);
        Double longitude = row.get("longitude", Double.class);
        return new Report(
                new ReportId(row.get("id", UUID.class)),
                new ReportReference(row.get("reference", String.class)),
                Channel.valueOf(row.get("channel", String.class)),
                Category.valueOf(row.get("category", String.class)),
                ReportStatus.valueOf(row.get("status", String.class)),
                row.get("description", String.class),
                new VillageCode(row.get("village_code", String.class)),
                Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                requestedFen == null ? null : Money.ofFen(requestedFen),
                new RecordedSubject(
                        row.get("subject_name", String.class),
                        row.get("subject_id_masked", String.class),
                        subjectPhone == null ? null : new PhoneNumber(subjectPhone),
                        row.get("household_size", Integer.class)),
                latitude == null || longitude == null ? null : new Location(latitude, longitude),
                json.readValue(row.get("attachments", String.class), ATTACHMENTS),
                callerPhone == null ? null : new Caller(new PhoneNumber(callerPhone),
                        row.get("caller_name", String.class), row.get("caller_relation", String.class)),
                row.get("call_id", String.class),
                row.get("order_number", String.class),
                row.get("filed_by", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(),
                history,
                triage(row),
                grant(row));
    }

    private @Nullable Triage triage(Readable row) {
        String decision = row.get("triage_decision", String.class);
        if (decision == null) {
            return null;
        }
        List<Reason> reasons = json.readValue(row.get("triage_reasons", String.class), REASONS);
        UUID linked = row.get("linked_report", UUID.class);
        return new Triage(Decision.valueOf(decision), reasons,
                new PolicyVersion(row.get("policy_county", String.class), row.get("policy_version", Integer.class)),
                linked == null ? null : new ReportId(linked));
    }

    private @Nullable Grant grant(Readable row) {
        UUID id = row.get("g_id", UUID.class);
        if (id == null) {
            return null;
        }
        OffsetDateTime due = row.get("g_documents_due_at", OffsetDateTime.class);
        return new Grant(
                new GrantId(id),
                new ReportId(row.get("id", UUID.class)),
                row.get("county_code", String.class),
                GrantStatus.valueOf(row.get("g_status", String.class)),
                Money.ofFen(row.get("g_amount_fen", Long.class)),
                Money.ofFen(row.get("g_awaiting_approval_fen", Long.class)),
                json.readValue(row.get("g_required_documents", String.class), DOCUMENTS),
                due == null ? null : due.toInstant(),
                new PolicyVersion(row.get("g_policy_county", String.class), row.get("g_policy_version", Integer.class)),
                row.get("g_created_at", OffsetDateTime.class).toInstant(),
                row.get("g_next_fast_track_from", OffsetDateTime.class).toInstant(),
                documents.read(row.get("g_documents", String.class)),
                row.get("g_cancellation_reason", String.class),
                row.get("g_version", Integer.class));
    }

    Report withHistory(Report report, List<ReportEvent> history) {
        return new Report(report.id(), report.reference(), report.channel(), report.category(), report.status(),
                report.description(), report.village(), report.urgent(), report.requestedAmount(), report.subject(),
                report.location(), report.attachments(), report.caller(), report.callId(), report.orderNumber(), report.filedBy(),
                report.createdAt(), report.updatedAt(), history, report.triage(), report.grant());
    }

    ReportEvent event(Readable row) {
        return new ReportEvent(
                row.get("sequence", Integer.class),
                row.get("type", String.class),
                row.get("at", OffsetDateTime.class).toInstant(),
                row.get("actor", String.class),
                json.readValue(row.get("detail", String.class), DETAIL));
    }
}
