package org.aidline.intake.report.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.DuplicateReceiptException;
import org.aidline.intake.report.IdempotencyClaim;
import org.aidline.intake.report.PhoneNumber;
import org.aidline.intake.report.Receipt;
import org.aidline.intake.report.ReferenceTakenException;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportCursor;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.Reports;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reports in PostgreSQL. Filing is one statement, hence one round trip and one atomic write. */
public class R2dbcReports implements Reports {

    private static final String ADD = """
            with village_found as (select code from village where code = :village),
            added as (
                insert into report (id, reference, channel, category, status, description, village_code, county_code,
                    urgent, requested_amount_fen, subject_name, subject_id_cipher, subject_id_hash, subject_id_masked,
                    subject_phone, household_size, latitude, longitude, attachments, caller_name, caller_phone,
                    caller_relation, call_id, filed_by, created_at, updated_at)
                select :id, :reference, :channel, :category, :status, :description, :village, :county,
                    :urgent, :requestedFen, :subjectName, :idCipher, :idHash, :idMasked,
                    :subjectPhone, :householdSize, :latitude, :longitude, cast(:attachments as jsonb), :callerName,
                    :callerPhone, :callerRelation, :callId, :filedBy, :at, :at
                from village_found
                returning id),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select id, :eventSequence, :eventType, :at, :filedBy, cast(:eventDetail as jsonb) from added),
            receipt as (
                insert into idempotency_receipt (owner, key, fingerprint, report_id, response_status, response_body, created_at)
                select cast(:owner as text), :key, :fingerprint, id, 201, :responseBody, :at from added
                where cast(:owner as text) is not null)
            select count(*) as added from added
            """;

    private static final String SELECT = "select * from report ";

    private final DatabaseClient database;
    private final ReportRowMapper rows;

    public R2dbcReports(DatabaseClient database, ReportRowMapper rows) {
        this.database = database;
        this.rows = rows;
    }

    @Override
    public Mono<Boolean> add(Report report, @Nullable ProtectedResidentId idNumber, @Nullable IdempotencyClaim claim,
            @Nullable String responseBody) {
        ReportEvent received = report.history().get(0);
        GenericExecuteSpec spec = database.sql(ADD)
                .bind("village", report.village().value())
                .bind("id", report.id().value())
                .bind("reference", report.reference().value())
                .bind("channel", report.channel().name())
                .bind("category", report.category().name())
                .bind("status", report.status().name())
                .bind("description", report.description())
                .bind("county", report.countyCode())
                .bind("urgent", report.urgent())
                .bind("subjectName", report.subject().name())
                .bind("householdSize", report.subject().householdSize())
                .bind("attachments", rows.json(report.attachments()))
                .bind("filedBy", report.filedBy())
                .bind("at", utc(report.createdAt()))
                .bind("eventSequence", received.sequence())
                .bind("eventType", received.type())
                .bind("eventDetail", rows.json(received.detail()));
        spec = bindNullable(spec, "requestedFen", report.requestedAmount() == null ? null : report.requestedAmount().fen(), Long.class);
        spec = bindNullable(spec, "idCipher", idNumber == null ? null : idNumber.ciphertext(), byte[].class);
        spec = bindNullable(spec, "idHash", idNumber == null ? null : idNumber.householdKey(), byte[].class);
        spec = bindNullable(spec, "idMasked", idNumber == null ? null : idNumber.masked(), String.class);
        spec = bindNullable(spec, "subjectPhone", report.subject().phone() == null ? null : report.subject().phone().digits(), String.class);
        spec = bindNullable(spec, "latitude", report.location() == null ? null : report.location().latitude(), Double.class);
        spec = bindNullable(spec, "longitude", report.location() == null ? null : report.location().longitude(), Double.class);
        spec = bindNullable(spec, "callerName", report.caller() == null ? null : report.caller().name(), String.class);
        spec = bindNullable(spec, "callerPhone", report.caller() == null ? null : report.caller().phone().digits(), String.class);
        spec = bindNullable(spec, "callerRelation", report.caller() == null ? null : report.caller().relation(), String.class);
        spec = bindNullable(spec, "callId", report.callId(), String.class);
        spec = bindNullable(spec, "owner", claim == null ? null : claim.owner(), String.class);
        spec = bindNullable(spec, "key", claim == null ? null : claim.key(), String.class);
        spec = bindNullable(spec, "fingerprint", claim == null ? null : claim.fingerprint(), String.class);
        spec = bindNullable(spec, "responseBody", responseBody, String.class);
        return spec.map(row -> row.get("added", Long.class))
                .one()
                .map(added -> added != null && added > 0)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcReports::collision);
    }

    private static Throwable collision(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("idempotency_receipt_pk")) {
            return new DuplicateReceiptException(e);
        }
        if (message.contains("report_reference_unique")) {
            return new ReferenceTakenException(e);
        }
        return e;
    }

    @Override
    public Mono<Report> byId(ReportId id) {
        Mono<List<ReportEvent>> history = database.sql(
                        "select sequence, type, at, actor, detail from report_event where report_id = :id order by sequence")
                .bind("id", id.value())
                .map((row, metadata) -> rows.event(row))
                .all()
                .collectList();
        return database.sql(SELECT + "where id = :id")
                .bind("id", id.value())
                .map((row, metadata) -> rows.report(row, List.of()))
                .one()
                .zipWith(history, (report, events) -> rows.withHistory(report, events));
    }

    @Override
    public Mono<Receipt> receipt(String owner, String key) {
        return database.sql("select fingerprint, report_id, response_status, response_body from idempotency_receipt "
                        + "where owner = :owner and key = :key")
                .bind("owner", owner)
                .bind("key", key)
                .map((row, metadata) -> new Receipt(
                        row.get("fingerprint", String.class),
                        new ReportId(row.get("report_id", UUID.class)),
                        row.get("response_status", Integer.class),
                        row.get("response_body", String.class)))
                .one();
    }

    @Override
    public Flux<Report> filedBy(String subject, @Nullable ReportCursor after, int limit) {
        return page("filed_by = :filter", subject, after, limit);
    }

    @Override
    public Flux<Report> withPhone(RegionScope region, PhoneNumber phone, @Nullable ReportCursor after, int limit) {
        String condition = "(subject_phone = :filter or caller_phone = :filter) and village_code like :region";
        return page(condition, phone.digits(), after, limit, Map.of("region", region.prefix() + "%"));
    }

    private Flux<Report> page(String condition, String filter, @Nullable ReportCursor after, int limit) {
        return page(condition, filter, after, limit, Map.of());
    }

    private Flux<Report> page(String condition, String filter, @Nullable ReportCursor after, int limit, Map<String, Object> more) {
        String sql = SELECT + "where " + condition
                + (after == null ? "" : " and (created_at, id) < (:afterAt, :afterId)")
                + " order by created_at desc, id desc limit :limit";
        GenericExecuteSpec spec = database.sql(sql).bind("filter", filter).bind("limit", limit + 1);
        if (after != null) {
            spec = spec.bind("afterAt", utc(after.createdAt())).bind("afterId", after.id());
        }
        for (Map.Entry<String, Object> binding : more.entrySet()) {
            spec = spec.bind(binding.getKey(), binding.getValue());
        }
        return spec.map((row, metadata) -> rows.report(row, List.of())).all();
    }

    private static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, @Nullable Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
