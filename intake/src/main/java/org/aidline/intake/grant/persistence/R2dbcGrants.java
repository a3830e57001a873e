package org.aidline.intake.grant.persistence;

import org.aidline.intake.ledger.persistence.LedgerEntries;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.aidline.intake.grant.ConcurrentChangeException;
import org.aidline.intake.grant.Escalation;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantCase;
import org.aidline.intake.grant.GrantCursor;
import org.aidline.intake.grant.GrantDocument;
import org.aidline.intake.grant.GrantEvents;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.grant.Grants;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.HouseholdAlreadyGrantedException;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grants in PostgreSQL. Every change is a single statement that names the version and status it
 * was decided on, so the database refuses a change decided on a state that is gone. History
 * events are appended after the report's last one in the same statement. A change made for someone
 * runs in a transaction (the caller's, if any), which records who for the audit trail.
 */
public class R2dbcGrants implements Grants {

    /** The next history sequence of the report {@code <alias>.report_id}, plus the event's own offset. */
    private static final String NEXT_SEQUENCE =
            "coalesce((select max(x.sequence) from report_event x where x.report_id = %s.report_id), 0)";

    private static final String ATTACH = """
            with attached as (
                update aid_grant g
                   set documents = g.documents || cast(:added as jsonb), status = :status, updated_at = :at, version = g.version + 1
                 where g.id = :id and g.version = :expected and g.status = :readStatus
                returning g.report_id, g.version),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select a.report_id, %s + e.sequence, e.type, e.at, e.actor, e.detail
                  from attached a,
                       jsonb_to_recordset(cast(:events as jsonb)) as e(sequence integer, type text, at timestamptz, actor text, detail jsonb))
            select version from attached
            """.formatted(NEXT_SEQUENCE.formatted("a"));

    private static final String IDENTIFY = """
            with identified as (
                update aid_grant g
                   set status = :status, household_key = :idHash,
                       documents_due_at = cast(:at as timestamptz) + p.documents_deadline,
                       updated_at = :at, version = g.version + 1
                  from policy p
                 where g.id = :id and g.version = :expected and g.status = 'AWAITING_IDENTITY'
                   and p.county_code = g.policy_county and p.version = g.policy_version
                returning g.id, g.report_id, g.amount_fen, g.status, g.documents_due_at),
            subject as (
                update report r
                   set subject_id_cipher = :idCipher, subject_id_hash = :idHash, subject_id_masked = :idMasked,
                       updated_at = :at, version = r.version + 1
                  from identified i
                 where r.id = i.report_id and r.subject_id_hash is null),
            instruction as (
                insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, next_attempt_at, created_at, updated_at)
                select cast(:paymentId as uuid), cast(:paymentId as text), i.id, 'PAYMENT', i.amount_fen, 'PENDING', :at, :at, :at
                  from identified i where i.amount_fen > 0),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select i.report_id, %s + 1, :eventType, :at, :actor,
                       jsonb_strip_nulls(jsonb_build_object('idNumber', cast(:idMasked as text), 'grant', cast(i.id as text),
                           'grantStatus', i.status, 'documentsDueAt', i.documents_due_at,
                           'paymentInstruction', case when i.amount_fen > 0 then cast(:paymentId as text) end))
                  from identified i)
            select count(*) as identified from identified
            """.formatted(NEXT_SEQUENCE.formatted("i"));

    private static final String CANCEL_AS_DUPLICATE = ("""
            with rival as (
                select o.report_id
                  from aid_grant g join aid_grant o on o.household_key = :idHash and o.id <> g.id
                 where g.id = :id and o.status <> 'REVOKED' and o.override_reason is null
                   and o.fast_track_window && g.fast_track_window
                 order by o.created_at
                 limit 1),
            before as (
                select amount_fen as granted_fen from aid_grant where id = :id),
            cancelled as (
                -- A revoked grant owes nothing (constraint revoked_grant_owes_nothing); what it had granted is
                -- reversed on the ledger below, from the amount read before this update.
                update aid_grant g
                   set status = 'REVOKED', cancellation_reason = :reason, household_key = :idHash, updated_at = :at,
                       amount_fen = 0, awaiting_approval_fen = 0, version = g.version + 1
                  from rival, before
                 where g.id = :id and g.version = :expected and g.status = 'AWAITING_IDENTITY'
                returning g.id, g.report_id, g.county_code, before.granted_fen as amount_fen, rival.report_id as linked),
            reversal as (
            """ + LedgerEntries.append("""
                select c.county_code, c.id, 'REVOCATION', -c.amount_fen, :at, :system, r.reference, cast(null as uuid)
                  from cancelled c join report r on r.id = c.report_id
                 where c.amount_fen > 0""") + """
            ),
            subject as (
                update report r
                   set subject_id_cipher = :idCipher, subject_id_hash = :idHash, subject_id_masked = :idMasked,
                       status = 'DUPLICATE', linked_report = c.linked, updated_at = :at, version = r.version + 1
                  from cancelled c
                 where r.id = c.report_id and r.subject_id_hash is null),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select c.report_id, %s + e.n, e.type, :at, e.actor, e.detail
                  from cancelled c cross join lateral (values
                       (1, cast(:identityRecorded as text), cast(:actor as text),
                           jsonb_build_object('idNumber', cast(:idMasked as text), 'grant', cast(c.id as text))),
                       (2, cast(:grantCancelled as text), cast(:system as text),
                           jsonb_build_object('grant', cast(c.id as text), 'reason', cast(:reason as text),
                               'linkedReport', cast(c.linked as text), 'reportStatus', 'DUPLICATE', 'reversedFen', c.amount_fen))
                  ) as e(n, type, actor, detail))
            select linked from cancelled
            """).formatted(NEXT_SEQUENCE.formatted("c"));

    private static final String IDENTIFY_SUBJECT = """
            with subject as (
                update report r
                   set subject_id_cipher = :idCipher, subject_id_hash = :idHash, subject_id_masked = :idMasked,
                       updated_at = :at, version = r.version + 1
                 where r.id = :report and r.subject_id_hash is null
                returning r.id as report_id),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select s.report_id, %s + 1, :eventType, :at, :actor, jsonb_build_object('idNumber', cast(:idMasked as text))
                  from subject s)
            select count(*) as identified from subject
            """.formatted(NEXT_SEQUENCE.formatted("s"));

    // The claim is a materialized CTE so the locking subquery runs exactly once: rows another sweep holds are
    // skipped, rows it has just escalated fail the re-checked status, so no grant is escalated twice.
    private static final String ESCALATE = """
            with due as materialized (
                select d.id from aid_grant d
                 where d.status = 'AWAITING_DOCUMENTS' and d.documents_due_at <= :now
                 order by d.documents_due_at
                 limit :limit
                 for update skip locked),
            claimed as (
                update aid_grant g
                   set status = 'OVERDUE', updated_at = :now, version = g.version + 1
                 where g.id in (select id from due) and g.status = 'AWAITING_DOCUMENTS'
                returning g.id, g.report_id, 'sup-' || g.county_code as escalated_to, g.documents_due_at),
            escalated as (
                insert into escalation (grant_id, report_id, escalated_to, reason, at)
                select c.id, c.report_id, c.escalated_to, :reason, :now from claimed c
                on conflict on constraint escalation_once do nothing),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select c.report_id, %s + 1, :eventType, :now, :system,
                       jsonb_build_object('grant', cast(c.id as text), 'to', c.escalated_to, 'reason', cast(:reason as text),
                           'documentsDueAt', c.documents_due_at)
                  from claimed c)
            select c.id, c.report_id, c.escalated_to, cast(:now as timestamptz) as at, cast(:reason as text) as reason
              from claimed c
            """.formatted(NEXT_SEQUENCE.formatted("c"));

    private static final TimeBasedEpochRandomGenerator IDS = Generators.timeBasedEpochRandomGenerator();

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final GrantRows rows;

    public R2dbcGrants(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.rows = new GrantRows(json);
    }

    @Override
    public Mono<GrantCase> byId(GrantId id) {
        return database.sql(GrantRows.SELECT + "where g.id = :id")
                .bind("id", id.value())
                .map((row, metadata) -> rows.grantCase(row))
                .one();
    }

    @Override
    public Mono<Integer> attach(Grant read, Grant attached, List<ReportEvent> events) {
        List<GrantDocument> added = attached.documents().subList(read.documents().size(), attached.documents().size());
        return database.sql(ATTACH)
                .bind("id", read.id().value())
                .bind("expected", read.version())
                .bind("readStatus", read.status().name())
                .bind("status", attached.status().name())
                .bind("added", rows.documents().write(added))
                .bind("events", rows.json(events))
                .bind("at", utc(events.get(0).at()))
                .map(row -> row.get("version", Integer.class))
                .one()
                .as(transactions::transactional)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcGrants::collision);
    }

    @Override
    public Mono<Boolean> identify(Grant read, GrantStatus next, ProtectedResidentId idNumber, String actor, Instant at) {
        UUID payment = IDS.generate();
        return identity(database.sql(IDENTIFY), idNumber)
                .bind("id", read.id().value())
                .bind("expected", read.version())
                .bind("status", next.name())
                .bind("paymentId", payment.toString())
                .bind("eventType", GrantEvents.IDENTITY_RECORDED)
                .bind("actor", actor)
                .bind("at", utc(at))
                .map(row -> row.get("identified", Long.class))
                .one()
                .as(transactions::transactional)
                .map(identified -> identified > 0)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcGrants::collision);
    }

    @Override
    public Mono<ReportId> cancelAsDuplicate(Grant read, ProtectedResidentId idNumber, String actor, Instant at) {
        return identity(database.sql(CANCEL_AS_DUPLICATE), idNumber)
                .bind("id", read.id().value())
                .bind("expected", read.version())
                .bind("reason", GrantEvents.HOUSEHOLD_GRANTED_WITHIN_WINDOW)
                .bind("identityRecorded", GrantEvents.IDENTITY_RECORDED)
                .bind("grantCancelled", GrantEvents.GRANT_CANCELLED)
                .bind("system", ReportEvent.SYSTEM)
                .bind("actor", actor)
                .bind("at", utc(at))
                .map(row -> new ReportId(row.get("linked", UUID.class)))
                .one()
                .as(transactions::transactional)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcGrants::collision);
    }

    @Override
    public Mono<Boolean> identifySubject(ReportId report, ProtectedResidentId idNumber, String actor, Instant at) {
        return identity(database.sql(IDENTIFY_SUBJECT), idNumber)
                .bind("report", report.value())
                .bind("eventType", GrantEvents.IDENTITY_RECORDED)
                .bind("actor", actor)
                .bind("at", utc(at))
                .map(row -> row.get("identified", Long.class))
                .one()
                .as(transactions::transactional)
                .map(identified -> identified > 0)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcGrants::collision);
    }

    @Override
    public Flux<Escalation> escalateOverdue(Instant now, int limit) {
        return database.sql(ESCALATE)
                .bind("now", utc(now))
                .bind("limit", limit)
                .bind("reason", GrantEvents.DOCUMENTS_OVERDUE)
                .bind("eventType", GrantEvents.ESCALATED)
                .bind("system", ReportEvent.SYSTEM)
                .map((row, metadata) -> GrantRows.escalation(row))
                .all()
                .onErrorMap(DataIntegrityViolationException.class, R2dbcGrants::collision);
    }

    @Override
    public Flux<GrantCase> withStatus(RegionScope region, GrantStatus status, @Nullable GrantCursor after, int limit) {
        String sql = GrantRows.SELECT + "where g.status = :status and r.village_code like :region"
                + (after == null ? "" : " and (g.documents_due_at, g.id) > (:afterDue, :afterId)")
                + " order by g.documents_due_at, g.id limit :limit";
        GenericExecuteSpec spec = database.sql(sql)
                .bind("status", status.name())
                .bind("region", region.prefix() + "%")
                .bind("limit", limit + 1);
        if (after != null) {
            spec = spec.bind("afterDue", utc(after.dueAt())).bind("afterId", after.id());
        }
        return spec.map((row, metadata) -> rows.grantCase(row)).all();
    }

    private static GenericExecuteSpec identity(GenericExecuteSpec spec, ProtectedResidentId idNumber) {
        return spec.bind("idCipher", ByteBuffer.wrap(idNumber.ciphertext()))
                .bind("idHash", ByteBuffer.wrap(idNumber.householdKey()))
                .bind("idMasked", idNumber.masked());
    }

    private static Throwable collision(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("one_fast_track_grant_per_household")) {
            return new HouseholdAlreadyGrantedException(e);
        }
        if (message.contains("report_event_pkey")) {
            return new ConcurrentChangeException("Another writer appended to the report's history at the same moment", e);
        }
        return e;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
