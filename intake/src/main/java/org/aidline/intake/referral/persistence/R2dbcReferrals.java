package org.aidline.intake.referral.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.money.Money;
import org.aidline.intake.referral.ClaimedReferral;
import org.aidline.intake.referral.Delivery;
import org.aidline.intake.referral.Partner;
import org.aidline.intake.referral.Referral;
import org.aidline.intake.referral.ReferralConflictException;
import org.aidline.intake.referral.ReferralStatus;
import org.aidline.intake.referral.Referrals;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.persistence.ReportHistory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Partners and referrals in intake's tables; the referral row carries its own outbox columns. */
public class R2dbcReferrals implements Referrals {

    private static final String REFER = """
            with moved as (
                update report set updated_at = :at, version = version + 1
                where id = :report and status in ('IN_REVIEW', 'FAST_TRACKED', 'REFERRED', 'DECIDED')
                returning id, county_code, village_code),
            referral as (
                insert into referral (id, report_id, partner_code, county_code, village_code, reason, status, referred_by, referred_at,
                    answer_due_at, delivery, next_delivery_at)
                select :id, moved.id, :partner, moved.county_code, moved.village_code, :reason, 'OPEN', :actor, :at, :due, :delivery,
                       case when :delivery = 'PENDING' then cast(:at as timestamptz) end
                from moved),
            """ + ReportHistory.APPENDED;

    // The referral first, guarded by its version: of two answers at once, the second finds it moved and writes nothing.
    private static final String ANSWER = """
            with answered as (
                update referral set status = :status, answered_by = :actor, answered_at = :at, note = :note, amount_fen = :amountFen,
                                    version = version + 1
                where id = :id and version = :version
                returning report_id),
            moved as (
                update report set updated_at = :at, version = version + 1
                where id = (select report_id from answered)
                returning id),
            """ + ReportHistory.APPENDED;

    private static final String CLAIM_DUE = """
            update referral r set delivery_claimed_until = :leaseUntil, delivery_attempts = r.delivery_attempts + 1
            from report rep
            where r.id in (select id from referral
                           where delivery = 'PENDING' and next_delivery_at <= :now
                             and (delivery_claimed_until is null or delivery_claimed_until <= :now)
                           order by next_delivery_at limit :limit
                           for update skip locked)
              and rep.id = r.report_id
            returning r.*, rep.reference, rep.category, rep.description, rep.urgent, rep.subject_name, rep.subject_phone,
                      rep.subject_id_masked, rep.household_size
            """;

    private static final String DELIVERED = """
            update referral set delivery = 'SENT', delivered_at = :at, delivery_claimed_until = null, last_delivery_error = null
            where id = :id and delivery = 'PENDING'
            """;

    private static final String RETRY = """
            update referral set next_delivery_at = :retryAt, delivery_claimed_until = null, last_delivery_error = :error
            where id = :id and delivery = 'PENDING'
            """;

    private static final String GIVE_UP = """
            with failed as (
                update referral set delivery = 'FAILED', delivery_claimed_until = null, last_delivery_error = :error
                where id = :id and delivery = 'PENDING'
                returning report_id),
            moved as (
                update report set updated_at = :at, version = version + 1 where id = (select report_id from failed) returning id),
            """ + ReportHistory.APPENDED;

    private static final String ESCALATE = """
            with escalated as (
                update referral set escalated_at = :now, version = version + 1
                where id in (select id from referral
                             where status = 'OPEN' and escalated_at is null and answer_due_at <= :now
                             order by answer_due_at limit :limit
                             for update skip locked)
                returning *),
            moved as (
                update report set updated_at = :now, version = version + 1
                where id in (select report_id from escalated)
                returning id),
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select e.report_id,
                       coalesce((select max(h.sequence) from report_event h where h.report_id = e.report_id), 0)
                           + row_number() over (partition by e.report_id order by e.id),
                       'REFERRAL_ESCALATED', :now, :actor,
                       jsonb_build_object('referral', e.id, 'partner', e.partner_code, 'answerDueAt', e.answer_due_at)
                from escalated e join moved on moved.id = e.report_id)
            select * from escalated
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcReferrals(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Flux<Partner> partners() {
        return database.sql("select * from partner order by code").map(row -> partner(row)).all();
    }

    @Override
    public Mono<Partner> partner(String code) {
        return database.sql("select * from partner where code = :code").bind("code", code).map(row -> partner(row)).one();
    }

    @Override
    public Mono<Referral> byId(UUID id) {
        return database.sql("select * from referral where id = :id").bind("id", id).map(row -> referral(row)).one();
    }

    @Override
    public Flux<Referral> ofReport(ReportId report) {
        return database.sql("select * from referral where report_id = :report order by referred_at, id").bind("report", report.value())
                .map(row -> referral(row)).all();
    }

    @Override
    public Mono<Boolean> refer(Referral referral, Map<String, Object> detail) {
        GenericExecuteSpec spec = ReportHistory.bind(database.sql(REFER), json, "REFERRED", referral.referredBy(), referral.referredAt(),
                        detail, null, null)
                .bind("report", referral.reportId().value())
                .bind("id", referral.id())
                .bind("partner", referral.partner())
                .bind("reason", referral.reason())
                .bind("due", utc(referral.answerDueAt()))
                .bind("delivery", referral.delivery().name());
        return moved(spec).onErrorMap(DataIntegrityViolationException.class, e -> String.valueOf(e.getMessage()).contains("referral_open_once")
                ? new ReferralConflictException("The report is referred to " + referral.partner() + " already, and not answered yet.")
                : e);
    }

    @Override
    public Mono<Boolean> answer(Referral answered, int version, Map<String, Object> detail) {
        GenericExecuteSpec spec = ReportHistory.bind(database.sql(ANSWER), json, "REFERRAL_ANSWERED",
                        answered.answeredBy() == null ? ReportEvent.SYSTEM : answered.answeredBy(),
                        java.util.Objects.requireNonNull(answered.answeredAt(), "an answer's moment"), detail, null, null)
                .bind("id", answered.id())
                .bind("version", version)
                .bind("status", answered.status().name());
        spec = answered.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", answered.note());
        spec = answered.amount() == null ? spec.bindNull("amountFen", Long.class) : spec.bind("amountFen", answered.amount().fen());
        return moved(spec);
    }

    @Override
    public Flux<ClaimedReferral> claimDue(Instant now, Instant leaseUntil, int limit) {
        return database.sql(CLAIM_DUE)
                .bind("now", utc(now))
                .bind("leaseUntil", utc(leaseUntil))
                .bind("limit", limit)
                .map(row -> new ClaimedReferral(referral(row), payload(row)))
                .all()
                .as(transactions::transactional);
    }

    @Override
    public Mono<Void> delivered(UUID id, Instant at) {
        return database.sql(DELIVERED).bind("id", id).bind("at", utc(at)).fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Void> deliveryFailed(UUID id, String error, Instant at, @Nullable Instant retryAt) {
        String shortError = error.length() > 500 ? error.substring(0, 500) : error;
        if (retryAt != null) {
            return database.sql(RETRY).bind("id", id).bind("retryAt", utc(retryAt)).bind("error", shortError).fetch().rowsUpdated().then();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("referral", id.toString());
        detail.put("error", shortError);
        return moved(ReportHistory.bind(database.sql(GIVE_UP), json, "REFERRAL_UNDELIVERED", ReportEvent.SYSTEM, at, detail, null, null)
                .bind("id", id).bind("error", shortError)).then();
    }

    @Override
    public Flux<Referral> escalateOverdue(Instant now, int limit) {
        return database.sql(ESCALATE).bind("now", utc(now)).bind("limit", limit).bind("actor", ReportEvent.SYSTEM)
                .map(row -> referral(row)).all()
                .as(transactions::transactional);
    }

    private Mono<Boolean> moved(GenericExecuteSpec spec) {
        return spec.map(row -> row.get("moved", Long.class)).one()
                .as(transactions::transactional)
                .map(moved -> moved != null && moved == 1);
    }

    /** What the partner is sent: enough to act on the case, no ID number beyond its masked form. */
    private static Map<String, Object> payload(Readable row) {
        Map<String, Object> household = new LinkedHashMap<>();
        household.put("name", row.get("subject_name", String.class));
        putIfPresent(household, "phone", row.get("subject_phone", String.class));
        putIfPresent(household, "idNumberMasked", row.get("subject_id_masked", String.class));
        household.put("size", row.get("household_size", Integer.class));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", row.get("id", UUID.class).toString());
        payload.put("reportReference", row.get("reference", String.class));
        payload.put("partner", row.get("partner_code", String.class));
        payload.put("reason", row.get("reason", String.class));
        payload.put("villageCode", row.get("village_code", String.class));
        payload.put("category", row.get("category", String.class));
        payload.put("urgent", row.get("urgent", Boolean.class));
        payload.put("description", row.get("description", String.class));
        payload.put("household", household);
        payload.put("referredAt", row.get("referred_at", OffsetDateTime.class).toInstant().toString());
        payload.put("answerDueAt", row.get("answer_due_at", OffsetDateTime.class).toInstant().toString());
        return payload;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Partner partner(Readable row) {
        return new Partner(row.get("code", String.class), row.get("name", String.class), row.get("name_zh", String.class),
                Partner.Kind.valueOf(row.get("kind", String.class)), Partner.Channel.valueOf(row.get("channel", String.class)));
    }

    private static Referral referral(Readable row) {
        Long amount = row.get("amount_fen", Long.class);
        return new Referral(
                row.get("id", UUID.class),
                new ReportId(row.get("report_id", UUID.class)),
                row.get("partner_code", String.class),
                new VillageCode(row.get("village_code", String.class)),
                row.get("reason", String.class),
                ReferralStatus.valueOf(row.get("status", String.class)),
                row.get("referred_by", String.class),
                instant(row, "referred_at"),
                instant(row, "answer_due_at"),
                nullableInstant(row, "escalated_at"),
                row.get("answered_by", String.class),
                nullableInstant(row, "answered_at"),
                row.get("note", String.class),
                amount == null ? null : Money.ofFen(amount),
                Delivery.valueOf(row.get("delivery", String.class)),
                row.get("delivery_attempts", Integer.class),
                nullableInstant(row, "delivered_at"),
                row.get("last_delivery_error", String.class),
                row.get("version", Integer.class));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
