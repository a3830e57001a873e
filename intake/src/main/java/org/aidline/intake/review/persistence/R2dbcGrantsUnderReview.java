package org.aidline.intake.review.persistence;

import org.aidline.intake.ledger.persistence.LedgerEntries;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.ledger.LedgerEntry;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.review.ConcurrentChangeException;
import org.aidline.intake.review.FastTrackOverride;
import org.aidline.intake.review.GrantChange;
import org.aidline.intake.review.GrantUnderReview;
import org.aidline.intake.review.GrantsUnderReview;
import org.aidline.intake.review.PaymentOrder;
import org.aidline.intake.review.ReviewRules;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grants under review in PostgreSQL: one statement per decision, guarded by the grant's version, in a
 * transaction (the caller's, if any) that records who decided for the audit trail.
 */
public class R2dbcGrantsUnderReview implements GrantsUnderReview {

    /**
     * What has been paid or is being paid for grant {@code g}: payment minus recovery instructions,
     * leaving out those that failed or were cancelled, since they moved no money.
     */
    static final String PAID_OR_BEING_PAID = "(select cast(coalesce(sum(case p.kind when 'PAYMENT' then p.amount_fen else -p.amount_fen end), 0) as bigint) "
            + "from payment_instruction p where p.grant_id = g.id and p.status not in ('FAILED', 'CANCELLED'))";

    private static final String BY_ID = "select g.id, g.report_id, r.reference, r.village_code, g.county_code, g.status, g.amount_fen, "
            + "g.awaiting_approval_fen, g.override_reason, g.policy_county, g.policy_version, g.version, g.updated_at, "
            + PAID_OR_BEING_PAID + " as paid_fen from aid_grant g join report r on r.id = g.report_id where g.id = :id";

    private static final String APPLY = ("""
            with changed as (
                update aid_grant g set status = :status, amount_fen = :amountFen, awaiting_approval_fen = :awaitingFen,
                    updated_at = :at, version = g.version + 1
                where g.id = :grant and g.version = :version and greatest(0, %s) = :paidFen
                returning g.id, g.report_id, g.county_code),
            entitlement as (
            """ + LedgerEntries.append("""
                select county_code, id, cast(:entryKind as text), :entryFen, :at, :actor, :reference, cast(null as uuid) from changed
                where cast(:entryKind as text) is not null""") + """
            ),
            instruction as (
                insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, attempts, next_attempt_at,
                    created_at, updated_at)
                select cast(:orderId as uuid), cast(:orderId as text), id, cast(:orderKind as text), :orderFen, 'PENDING', 0, :at,
                    :at, :at
                from changed where cast(:orderId as text) is not null),
            touched as (
                update report set updated_at = :at where id = (select report_id from changed)),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select report_id, coalesce((select max(e.sequence) from report_event e where e.report_id = changed.report_id), 0) + 1,
                    :eventType, :at, :actor, cast(:detail as jsonb)
                from changed)
            select count(*) as changed from changed
            """).formatted(PAID_OR_BEING_PAID);

    private static final String OVERRIDE = """
            with reopened as (
                update report set status = 'FAST_TRACKED', updated_at = :at, version = version + 1
                where id = :report and status = 'DUPLICATE'
                returning id, county_code, subject_id_hash, reference),
            granted as (
                insert into aid_grant (id, report_id, county_code, household_key, status, amount_fen, awaiting_approval_fen,
                    required_documents, documents_due_at, policy_county, policy_version, fast_track_window, override_reason,
                    created_at, updated_at)
                select :grant, reopened.id, reopened.county_code, reopened.subject_id_hash, :grantStatus, :amountFen, :awaitingFen,
                    cast(:requiredDocuments as jsonb), :documentsDueAt, :policyCounty, :policyVersion,
                    tstzrange(:at, :nextFastTrackFrom), :reason, :at, :at
                from reopened
                returning id, county_code, amount_fen),
            entitlement as (
            """ + LedgerEntries.append("""
                select granted.county_code, granted.id, 'GRANT', granted.amount_fen, :at, :supervisor, reopened.reference, cast(null as uuid)
                from granted, reopened""") + """
            ),
            instruction as (
                insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, attempts, next_attempt_at,
                    created_at, updated_at)
                select cast(:orderId as uuid), cast(:orderId as text), granted.id, 'PAYMENT', :orderFen, 'PENDING', 0, :at, :at, :at
                from granted where cast(:orderId as text) is not null),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select reopened.id, coalesce((select max(e.sequence) from report_event e where e.report_id = reopened.id), 0) + n.step,
                    n.type, :at, :supervisor, n.detail
                from reopened cross join (values (1, :overriddenType, cast(:overriddenDetail as jsonb)),
                                                 (2, :grantedType, cast(:grantedDetail as jsonb))) as n(step, type, detail))
            select count(*) as reopened from reopened
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcGrantsUnderReview(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Mono<GrantUnderReview> byId(GrantId id) {
        return database.sql(BY_ID).bind("id", id.value()).map((row, metadata) -> grant(row)).one();
    }

    @Override
    public Mono<Boolean> apply(GrantChange change) {
        GrantUnderReview before = change.before();
        LedgerEntry entry = change.entitlement();
        PaymentOrder order = change.order();
        GenericExecuteSpec spec = database.sql(APPLY)
                .bind("grant", before.id().value())
                .bind("version", before.version())
                .bind("paidFen", before.paidOrBeingPaid().fen())
                .bind("status", change.status().name())
                .bind("amountFen", change.amount().fen())
                .bind("awaitingFen", change.awaitingApproval().fen())
                .bind("at", utc(change.at()))
                .bind("actor", change.actor())
                .bind("reference", before.reportReference())
                .bind("entryFen", entry == null ? 0L : entry.amountFen())
                .bind("orderFen", order == null ? 0L : order.amount().fen())
                .bind("eventType", change.eventType())
                .bind("detail", json.writeValueAsString(change.eventDetail()));
        spec = nullable(spec, "entryKind", entry == null ? null : entry.kind().name());
        spec = nullable(spec, "orderId", order == null ? null : order.id().toString());
        spec = nullable(spec, "orderKind", order == null ? null : order.kind().name());
        return spec.map(row -> row.get("changed", Long.class)).one()
                .as(transactions::transactional)
                .map(changed -> changed != null && changed == 1)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcGrantsUnderReview::collision);
    }

    @Override
    public Mono<Boolean> override(FastTrackOverride override) {
        Grant grant = override.grant();
        PaymentOrder order = override.order();
        GenericExecuteSpec spec = database.sql(OVERRIDE)
                .bind("report", grant.report().value())
                .bind("grant", grant.id().value())
                .bind("grantStatus", grant.status().name())
                .bind("amountFen", grant.amount().fen())
                .bind("awaitingFen", grant.awaitingApproval().fen())
                .bind("requiredDocuments", json.writeValueAsString(grant.requiredDocuments()))
                .bind("policyCounty", grant.policy().countyCode())
                .bind("policyVersion", grant.policy().version())
                .bind("nextFastTrackFrom", utc(grant.nextFastTrackFrom()))
                .bind("reason", override.reason())
                .bind("supervisor", override.supervisor())
                .bind("at", utc(override.at()))
                .bind("orderFen", order == null ? 0L : order.amount().fen())
                .bind("overriddenType", ReviewRules.OVERRIDDEN)
                .bind("overriddenDetail", json.writeValueAsString(override.overriddenDetail()))
                .bind("grantedType", ReportEvent.GRANTED)
                .bind("grantedDetail", json.writeValueAsString(override.grantedDetail()));
        spec = grant.documentsDueAt() == null
                ? spec.bindNull("documentsDueAt", OffsetDateTime.class)
                : spec.bind("documentsDueAt", utc(grant.documentsDueAt()));
        spec = nullable(spec, "orderId", order == null ? null : order.id().toString());
        return spec.map(row -> row.get("reopened", Long.class)).one()
                .as(transactions::transactional)
                .map(reopened -> reopened != null && reopened == 1)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcGrantsUnderReview::collision);
    }

    /** Another event was added to the report's history at the same moment: the decision is read and made again. */
    private static Throwable collision(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("report_event_pkey") || message.contains("aid_grant_report_id_key") ? new ConcurrentChangeException() : e;
    }

    private static GrantUnderReview grant(Readable row) {
        return new GrantUnderReview(
                new GrantId(row.get("id", UUID.class)),
                new ReportId(row.get("report_id", UUID.class)),
                row.get("reference", String.class),
                new VillageCode(row.get("village_code", String.class)),
                row.get("county_code", String.class),
                GrantStatus.valueOf(row.get("status", String.class)),
                Money.ofFen(row.get("amount_fen", Long.class)),
                Money.ofFen(row.get("awaiting_approval_fen", Long.class)),
                // Never below 0 as shown: more recovered than paid would be the gateway's anomaly, not a debt of the grant.
                Money.ofFen(Math.max(0, row.get("paid_fen", Long.class))),
                row.get("override_reason", String.class),
                new PolicyVersion(row.get("policy_county", String.class), row.get("policy_version", Integer.class)),
                row.get("version", Integer.class),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
