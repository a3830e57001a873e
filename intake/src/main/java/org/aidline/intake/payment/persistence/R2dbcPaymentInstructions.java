package org.aidline.intake.payment.persistence;

import org.aidline.intake.ledger.persistence.LedgerEntries;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.money.Money;
import org.aidline.intake.payment.ClaimedInstruction;
import org.aidline.intake.payment.PaymentCursor;
import org.aidline.intake.payment.PaymentEvents;
import org.aidline.intake.payment.PaymentId;
import org.aidline.intake.payment.PaymentInstruction;
import org.aidline.intake.payment.PaymentInstructions;
import org.aidline.intake.payment.PaymentKind;
import org.aidline.intake.payment.PaymentStatus;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Payment instructions in PostgreSQL: every change one statement, guarded by status (and claim). */
public class R2dbcPaymentInstructions implements PaymentInstructions {

    // SKIP LOCKED: dispatchers claiming at the same moment take different rows instead of waiting.
    private static final String CLAIM = """
            with due as (
                select p.id, p.status as claimed_from
                from payment_instruction p
                where p.status in ('PENDING', 'SENDING', 'SENT') and p.next_attempt_at <= :now
                order by p.next_attempt_at
                limit :limit
                for update skip locked),
            claimed as (
                update payment_instruction p
                set status = 'SENDING', claim = :claim, next_attempt_at = :leaseUntil, updated_at = :now
                from due where p.id = due.id
                returning p.*, due.claimed_from)
            select c.*, g.household_key, g.report_id, r.village_code
            from claimed c join aid_grant g on g.id = c.grant_id join report r on r.id = g.report_id
            """;

    private static final String SELECT = """
            select p.*, g.report_id, r.village_code
            from payment_instruction p join aid_grant g on g.id = p.grant_id join report r on r.id = g.report_id
            """;

    // The next history number of the report; a concurrent event taking it fails the statement, which is retried.
    private static final String NEXT_EVENT = "(select coalesce(max(e.sequence), 0) + 1 from report_event e where e.report_id = g.report_id)";

    // Paid, ledgered and told in the report's history at once; status in the WHERE clause and the
    // unique ledger index on the instruction make a second payment of it impossible.
    private static final String PAID = ("""
            with paid as (
                update payment_instruction p
                set status = 'PAID', claim = null, last_error = null, updated_at = :at
                where p.reference_id = :reference and p.status in ('PENDING', 'SENDING', 'SENT', 'FAILED')
                returning p.id, p.grant_id, p.kind, p.amount_fen, p.reference_id),
            entry as (
            """ + LedgerEntries.append("""
                select g.county_code, paid.grant_id, paid.kind,
                    case when paid.kind = 'RECOVERY' then -paid.amount_fen else paid.amount_fen end,
                    :at, :actor, paid.reference_id, paid.id
                from paid join aid_grant g on g.id = paid.grant_id""") + """
            ),
            event as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select g.report_id, %s, '%s', :at, :actor,
                    jsonb_build_object('payment', paid.id, 'referenceId', paid.reference_id, 'kind', paid.kind, 'amountFen', paid.amount_fen)
                from paid join aid_grant g on g.id = paid.grant_id)
            select count(*) as changed from paid
            """).formatted(NEXT_EVENT, PaymentEvents.PAID);

    private static final String REFUSED = """
            with refused as (
                update payment_instruction p
                set status = 'FAILED', claim = null, last_error = :error, updated_at = :at
                where %s
                returning p.id, p.grant_id, p.kind, p.reference_id),
            event as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select g.report_id, %s, '%s', :at, :actor,
                    jsonb_build_object('payment', refused.id, 'referenceId', refused.reference_id, 'kind', refused.kind, 'reason', cast(:error as text))
                from refused join aid_grant g on g.id = refused.grant_id)
            select count(*) as changed from refused
            """;

    private static final String REQUEUED = """
            with requeued as (
                update payment_instruction p
                set status = 'PENDING', attempts = 0, next_attempt_at = :at, claim = null, updated_at = :at
                where p.id = :id and p.status = 'FAILED'
                returning p.id, p.grant_id, p.kind, p.reference_id),
            event as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select g.report_id, %s, '%s', :at, :actor,
                    jsonb_build_object('payment', requeued.id, 'referenceId', requeued.reference_id, 'kind', requeued.kind)
                from requeued join aid_grant g on g.id = requeued.grant_id)
            select count(*) as changed from requeued
            """.formatted(NEXT_EVENT, PaymentEvents.PAYMENT_RETRIED);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcPaymentInstructions(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Flux<ClaimedInstruction> claimDue(Instant now, Duration lease, int limit) {
        UUID claim = UUID.randomUUID();
        return database.sql(CLAIM)
                .bind("now", utc(now))
                .bind("leaseUntil", utc(now.plus(lease)))
                .bind("claim", claim)
                .bind("limit", limit)
                .map((row, metadata) -> {
                    ByteBuffer key = row.get("household_key", ByteBuffer.class);
                    byte[] householdKey = null;
                    if (key != null) {
                        householdKey = new byte[key.remaining()];
                        key.get(householdKey);
                    }
                    return new ClaimedInstruction(instruction(row), claim,
                            PaymentStatus.valueOf(row.get("claimed_from", String.class)), householdKey);
                })
                .all();
    }

    @Override
    public Mono<Boolean> paid(String referenceId, Instant at, String actor) {
        // The gateway's callback settles too: in a transaction, which records the caller for the audit trail.
        return changed(database.sql(PAID).bind("reference", referenceId).bind("at", utc(at)).bind("actor", actor))
                .as(transactions::transactional);
    }

    @Override
    public Mono<Boolean> retryLater(ClaimedInstruction claimed, Instant nextAttemptAt, String error, Instant at) {
        return database.sql("""
                        update payment_instruction
                        set status = 'PENDING', attempts = attempts + 1, next_attempt_at = :next, last_error = :error,
                            claim = null, updated_at = :at
                        where id = :id and claim = :claim and status = 'SENDING'
                        """)
                .bind("id", claimed.instruction().id().value())
                .bind("claim", claimed.claim())
                .bind("next", utc(nextAttemptAt))
                .bind("error", error)
                .bind("at", utc(at))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Boolean> awaitResult(ClaimedInstruction claimed, Instant checkAt, Instant at) {
        return database.sql("""
                        update payment_instruction
                        set status = 'SENT', next_attempt_at = :checkAt, claim = null, updated_at = :at
                        where id = :id and claim = :claim and status = 'SENDING'
                        """)
                .bind("id", claimed.instruction().id().value())
                .bind("claim", claimed.claim())
                .bind("checkAt", utc(checkAt))
                .bind("at", utc(at))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Boolean> refused(ClaimedInstruction claimed, String error, Instant at, String actor) {
        String sql = REFUSED.formatted("p.id = :id and p.claim = :claim and p.status = 'SENDING'", NEXT_EVENT, PaymentEvents.PAYMENT_FAILED);
        return changed(database.sql(sql)
                .bind("id", claimed.instruction().id().value())
                .bind("claim", claimed.claim())
                .bind("error", error)
                .bind("at", utc(at))
                .bind("actor", actor));
    }

    @Override
    public Mono<Boolean> refused(String referenceId, String error, Instant at, String actor) {
        String sql = REFUSED.formatted("p.reference_id = :reference and p.status in ('PENDING', 'SENDING', 'SENT')", NEXT_EVENT,
                PaymentEvents.PAYMENT_FAILED);
        return changed(database.sql(sql)
                .bind("reference", referenceId)
                .bind("error", error)
                .bind("at", utc(at))
                .bind("actor", actor))
                .as(transactions::transactional);
    }

    @Override
    public Mono<Boolean> requeue(PaymentId id, Instant at, String actor) {
        return changed(database.sql(REQUEUED).bind("id", id.value()).bind("at", utc(at)).bind("actor", actor))
                .as(transactions::transactional);
    }

    @Override
    public Mono<PaymentInstruction> byId(PaymentId id) {
        return database.sql(SELECT + "where p.id = :id").bind("id", id.value()).map((row, metadata) -> instruction(row)).one();
    }

    @Override
    public Flux<PaymentInstruction> withStatus(PaymentStatus status, RegionScope region, @Nullable PaymentCursor after, int limit) {
        String sql = SELECT + "where p.status = :status and r.village_code like :region"
                + (after == null ? "" : " and (p.created_at, p.id) < (:afterAt, :afterId)")
                + " order by p.created_at desc, p.id desc limit :limit";
        GenericExecuteSpec spec = database.sql(sql)
                .bind("status", status.name())
                .bind("region", region.prefix() + "%")
                .bind("limit", limit + 1);
        if (after != null) {
            spec = spec.bind("afterAt", utc(after.createdAt())).bind("afterId", after.id());
        }
        return spec.map((row, metadata) -> instruction(row)).all();
    }

    private static Mono<Boolean> changed(GenericExecuteSpec spec) {
        return spec.map(row -> row.get("changed", Long.class)).one().map(changed -> changed != null && changed > 0);
    }

    private static PaymentInstruction instruction(Readable row) {
        return new PaymentInstruction(
                new PaymentId(row.get("id", UUID.class)),
                row.get("reference_id", String.class),
                new GrantId(row.get("grant_id", UUID.class)),
                new ReportId(row.get("report_id", UUID.class)),
                new VillageCode(row.get("village_code", String.class)),
                PaymentKind.valueOf(row.get("kind", String.class)),
                Money.ofFen(row.get("amount_fen", Long.class)),
                PaymentStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                row.get("next_attempt_at", OffsetDateTime.class).toInstant(),
                row.get("last_error", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
