package org.aidline.intake.grant.persistence;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.aidline.intake.grant.Escalation;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantCase;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportReference;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns grant rows (joined with the facts of their report) into grants. */
class GrantRows {

    static final String SELECT = """
            select g.id, g.report_id, g.county_code, g.status, g.amount_fen, g.awaiting_approval_fen,
                   g.required_documents::text as required_documents, g.documents::text as documents, g.documents_due_at,
                   g.policy_county, g.policy_version, g.created_at, upper(g.fast_track_window) as next_fast_track_from,
                   g.cancellation_reason, g.version, r.reference, r.village_code, r.filed_by
            from aid_grant g join report r on r.id = g.report_id
            """;

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };

    private final JsonMapper json;
    private final StoredDocuments documents;

    GrantRows(JsonMapper json) {
        this.json = json;
        this.documents = new StoredDocuments(json);
    }

    String json(Object value) {
        return json.writeValueAsString(value);
    }

    StoredDocuments documents() {
        return documents;
    }

    GrantCase grantCase(Readable row) {
        OffsetDateTime due = row.get("documents_due_at", OffsetDateTime.class);
        Grant grant = new Grant(
                new GrantId(row.get("id", UUID.class)),
                new ReportId(row.get("report_id", UUID.class)),
                row.get("county_code", String.class),
                GrantStatus.valueOf(row.get("status", String.class)),
                Money.ofFen(row.get("amount_fen", Long.class)),
                Money.ofFen(row.get("awaiting_approval_fen", Long.class)),
                json.readValue(row.get("required_documents", String.class), NAMES),
                due == null ? null : due.toInstant(),
                new PolicyVersion(row.get("policy_county", String.class), row.get("policy_version", Integer.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("next_fast_track_from", OffsetDateTime.class).toInstant(),
                documents.read(row.get("documents", String.class)),
                row.get("cancellation_reason", String.class),
                row.get("version", Integer.class));
        return new GrantCase(grant,
                new ReportReference(row.get("reference", String.class)),
                new VillageCode(row.get("village_code", String.class)),
                row.get("filed_by", String.class));
    }

    static Escalation escalation(Readable row) {
        return new Escalation(
                new GrantId(row.get("id", UUID.class)),
                new ReportId(row.get("report_id", UUID.class)),
                row.get("escalated_to", String.class),
                row.get("at", OffsetDateTime.class).toInstant(),
                row.get("reason", String.class));
    }
}
