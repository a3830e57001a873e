package org.aidline.intake.report.persistence;

import org.aidline.intake.ledger.persistence.LedgerEntries;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.aidline.intake.events.EventLog;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.FilingContext;
import org.aidline.intake.report.HouseholdAlreadyGrantedException;
import org.aidline.intake.report.OrderNumberTakenException;
import org.aidline.intake.report.PhoneNumber;
import org.aidline.intake.report.ReferenceTakenException;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportCursor;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.Reports;
import org.aidline.intake.triage.HouseholdHistory;
import org.aidline.intake.triage.Triage;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reports in PostgreSQL. Filing is one statement, hence one round trip and one atomic write: the
 * report, its history, triage, grant, ledger entry, payment instruction and its ReportFiled event.
 */
public class R2dbcReports implements Reports {

    private static final String ADD = """
            with village_found as (select code from village where code = :village),
            added as (
                insert into report (id, reference, channel, category, status, description, village_code, county_code,
                    urgent, requested_amount_fen, subject_name, subject_id_cipher, subject_id_hash, subject_id_masked,
                    subject_phone, household_size, latitude, longitude, attachments, caller_name, caller_phone,
                    caller_relation, call_id, order_number, filed_by, created_at, updated_at,
                    triage_decision, triage_reasons, policy_county, policy_version, linked_report)
                select :id, :reference, :channel, :category, :status, :description, :village, :county,
                    :urgent, :requestedFen, :subjectName, :idCipher, :idHash, :idMasked,
                    :subjectPhone, :householdSize, :latitude, :longitude, cast(:attachments as jsonb), :callerName,
                    :callerPhone, :callerRelation, :callId, :orderNumber, :filedBy, :at, :updatedAt,
                    :decision, cast(:reasons as jsonb), :policyCounty, :policyVersion, :linkedReport
                from village_found
                returning id),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select added.id, e.sequence, e.type, e.at, e.actor, e.detail
                from added, jsonb_to_recordset(cast(:events as jsonb)) as e(sequence integer, type text, at timestamptz, actor text, detail jsonb)),
            granted as (
                insert into aid_grant (id, report_id, county_code, household_key, status, amount_fen, awaiting_approval_fen,
                    required_documents, documents_due_at, policy_county, policy_version, fast_track_window, created_at, updated_at)
                select cast(:grantId as uuid), added.id, :county, :idHash, :grantStatus, :grantFen, :awaitingApprovalFen,
                    cast(:requiredDocuments as jsonb), :documentsDueAt, :policyCounty, :policyVersion,
                    tstzrange(:at, :nextFastTrackFrom), :at, :at
                from added where cast(:grantId as uuid) is not null
                returning id, amount_fen),
            entitlement as (
            """ + LedgerEntries.append("""
                select :county, granted.id, 'GRANT', granted.amount_fen, :at, :system, :reference, cast(null as uuid) from granted""") + """
            ),
            instruction as (
                insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, next_attempt_at, created_at, updated_at)
                select cast(:paymentId as uuid), cast(:paymentId as text), granted.id, 'PAYMENT', granted.amount_fen, 'PENDING', :at, :at, :at
                from granted where cast(:paymentId as uuid) is not null and granted.amount_fen > 0),
            published as (
                insert into domain_event (id, type, report_id, occurred_at, payload)
                select :eventId, :eventType, added.id, :at, cast(:event as jsonb) from added
                returning id),
            -- Wakes every instance's event delivery when this transaction commits.
            notified as (select pg_notify(:eventChannel, '') from published)
            select count(*) as added from added, (select count(*) from notified) as notifications
            """;

    private static final String SELECT = "select r.*, g.id as g_id, g.status as g_status, g.amount_fen as g_amount_fen, "
            + "g.awaiting_approval_fen as g_awaiting_approval_fen, g.required_documents::text as g_required_documents, "
            + "g.documents_due_at as g_documents_due_at, g.policy_county as g_policy_county, g.policy_version as g_policy_version, "
            + "g.created_at as g_created_at, upper(g.fast_track_window) as g_next_fast_track_from, "
            + "g.documents::text as g_documents, g.cancellation_reason as g_cancellation_reason, g.version as g_version "
            + "from report r left join aid_grant g on g.report_id = r.id ";

    private final DatabaseClient database;
    private final ReportRowMapper rows;
    private final String filingContext;
    private final Function<Readable, Policy> policyRow;

    /** {@code policyColumns} and {@code policyRow} read a policy row, as the policies' own repository does. */
    public R2dbcReports(DatabaseClient database, ReportRowMapper rows, String policyColumns, Function<Readable, Policy> policyRow) {
        this.database = database;
        this.rows = rows;
        this.policyRow = policyRow;
        // The county's newest policy (else the province default) beside the household's history: one round trip.
        this.filingContext = "select " + policyColumns + ", "
                + HOUSEHOLD_GRANTED + " as granted, " + HOUSEHOLD_OPEN_CASE + " as open_case "
                + "from policy where county_code in (:county, :province) "
                + "order by (county_code = :county) desc, version desc limit 1";
    }

    @Override
    public Mono<Boolean> add(Report report, @Nullable ProtectedResidentId idNumber, ReportFiled filed) {
        Triage triage = report.triage();
        Grant grant = report.grant();
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
                .bind("updatedAt", utc(report.updatedAt()))
                .bind("events", rows.json(report.history()))
                .bind("system", ReportEvent.SYSTEM)
                .bind("eventId", filed.id())
                .bind("eventType", IntakeEvent.typeOf(filed))
                .bind("event", rows.json(filed))
                .bind("eventChannel", EventLog.CHANNEL);
        spec = bindNullable(spec, "decision", triage == null ? null : triage.decision().name(), String.class);
        spec = bindNullable(spec, "reasons", triage == null ? null : rows.json(triage.reasons()), String.class);
        spec = bindNullable(spec, "policyCounty", triage == null ? null : triage.policy().countyCode(), String.class);
        spec = bindNullable(spec, "policyVersion", triage == null ? null : triage.policy().version(), Integer.class);
        spec = bindNullable(spec, "linkedReport", triage == null || triage.linkedReport() == null ? null : triage.linkedReport().value(), UUID.class);
        spec = bindNullable(spec, "grantId", grant == null ? null : grant.id().value().toString(), String.class);
        spec = bindNullable(spec, "grantStatus", grant == null ? null : grant.status().name(), String.class);
        spec = bindNullable(spec, "grantFen", grant == null ? null : grant.amount().fen(), Long.class);
        spec = bindNullable(spec, "awaitingApprovalFen", grant == null ? null : grant.awaitingApproval().fen(), Long.class);
        spec = bindNullable(spec, "requiredDocuments", grant == null ? null : rows.json(grant.requiredDocuments()), String.class);
        spec = bindNullable(spec, "documentsDueAt", grant == null || grant.documentsDueAt() == null ? null : utc(grant.documentsDueAt()), OffsetDateTime.class);
        spec = bindNullable(spec, "nextFastTrackFrom", grant == null ? null : utc(grant.nextFastTrackFrom()), OffsetDateTime.class);
        spec = bindNullable(spec, "paymentId", grant == null || !grant.isPayable() ? null : UUID.randomUUID().toString(), String.class);
        spec = bindNullable(spec, "requestedFen", report.requestedAmount() == null ? null : report.requestedAmount().fen(), Long.class);
        spec = bindNullable(spec, "idCipher", idNumber == null ? null : ByteBuffer.wrap(idNumber.ciphertext()), ByteBuffer.class);
        spec = bindNullable(spec, "idHash", idNumber == null ? null : ByteBuffer.wrap(idNumber.householdKey()), ByteBuffer.class);
        spec = bindNullable(spec, "idMasked", idNumber == null ? null : idNumber.masked(), String.class);
        spec = bindNullable(spec, "subjectPhone", report.subject().phone() == null ? null : report.subject().phone().digits(), String.class);
        spec = bindNullable(spec, "latitude", report.location() == null ? null : report.location().latitude(), Double.class);
        spec = bindNullable(spec, "longitude", report.location() == null ? null : report.location().longitude(), Double.class);
        spec = bindNullable(spec, "callerName", report.caller() == null ? null : report.caller().name(), String.class);
        spec = bindNullable(spec, "callerPhone", report.caller() == null ? null : report.caller().phone().digits(), String.class);
        spec = bindNullable(spec, "callerRelation", report.caller() == null ? null : report.caller().relation(), String.class);
        spec = bindNullable(spec, "callId", report.callId(), String.class);
        spec = bindNullable(spec, "orderNumber", report.orderNumber(), String.class);
        // Who files is told to PostgreSQL once for the transaction this runs in (the audit triggers read it).
        return spec.map(row -> row.get("added", Long.class))
                .one()
                .map(added -> added != null && added > 0)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcReports::collision);
    }

    private static Throwable collision(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("one_fast_track_grant_per_household")) {
            return new HouseholdAlreadyGrantedException(e);
        }
        if (message.contains("report_reference_unique")) {
            return new ReferenceTakenException(e);
        }
        if (message.contains("report_order_number_unique")) {
            return new OrderNumberTakenException(e);
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
        return database.sql(SELECT + "where r.id = :id")
                .bind("id", id.value())
                .map((row, metadata) -> rows.report(row, List.of()))
                .one()
                .zipWith(history, (report, events) -> rows.withHistory(report, events));
    }

    @Override
    public Mono<Report> byOrderNumber(String orderNumber) {
        return database.sql("select id from report where order_number = :number")
                .bind("number", orderNumber)
                .map(row -> new ReportId(row.get("id", UUID.class)))
                .one()
                .flatMap(this::byId);
    }

    private static final String HOUSEHOLD_GRANTED = """
            (select g.report_id from aid_grant g
              where g.household_key = :key and g.status <> 'REVOKED' and g.override_reason is null
                and g.fast_track_window @> cast(:at as timestamptz)
              order by g.created_at desc limit 1)""";

    private static final String HOUSEHOLD_OPEN_CASE = """
            (select r.id from report r
              where r.subject_id_hash = :key and r.status in ('FAST_TRACKED', 'IN_REVIEW', 'DECIDED', 'REOPENED')
              order by r.created_at desc limit 1)""";

    @Override
    public Mono<FilingContext> filingContext(String countyCode, byte @Nullable [] householdKey, Instant at) {
        GenericExecuteSpec spec = database.sql(filingContext)
                .bind("county", countyCode)
                .bind("province", Policy.PROVINCE_DEFAULT)
                .bind("at", utc(at));
        spec = householdKey == null ? spec.bindNull("key", ByteBuffer.class) : spec.bind("key", ByteBuffer.wrap(householdKey));
        return spec.map(row -> new FilingContext(policyRow.apply(row), householdKey == null
                        ? HouseholdHistory.unknown()
                        : new HouseholdHistory(true,
                                Optional.ofNullable(row.get("granted", UUID.class)).map(ReportId::new),
                                Optional.ofNullable(row.get("open_case", UUID.class)).map(ReportId::new))))
                .one();
    }

    @Override
    public Flux<Report> filedBy(String subject, @Nullable ReportCursor after, int limit) {
        return page("r.filed_by = :filter", subject, after, limit);
    }

    @Override
    public Flux<Report> withPhone(RegionScope region, PhoneNumber phone, @Nullable ReportCursor after, int limit) {
        String condition = "(r.subject_phone = :filter or r.caller_phone = :filter) and r.village_code like :region";
        return page(condition, phone.digits(), after, limit, Map.of("region", region.prefix() + "%"));
    }

    private Flux<Report> page(String condition, String filter, @Nullable ReportCursor after, int limit) {
        return page(condition, filter, after, limit, Map.of());
    }

    private Flux<Report> page(String condition, String filter, @Nullable ReportCursor after, int limit, Map<String, Object> more) {
        String sql = SELECT + "where " + condition
                + (after == null ? "" : " and (r.created_at, r.id) < (:afterAt, :afterId)")
                + " order by r.created_at desc, r.id desc limit :limit";
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
