package org.aidline.registry.lifecycle.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;
import org.aidline.intake.personaldata.ProtectedName;
import org.aidline.registry.lifecycle.DecidedCase;
import org.aidline.registry.EnrolmentStatus;
import org.aidline.registry.lifecycle.EnrolmentChange;
import org.aidline.registry.lifecycle.EnrolmentChanges;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * Enrolment changes as one statement each: the enrolments move and their history rows are written
 * together, however many a person has. Runs in the caller's transaction (a registry event's, an
 * event subscriber's).
 */
public class R2dbcEnrolmentChanges implements EnrolmentChanges {

    // A change with neither status nor amount (a flag cleared) keeps the enrolment's reason: it only adds history.
    private static final String APPLY = """
            with changed as (
                update enrolment e
                set status = coalesce(cast(:to as text), e.status),
                    monthly_amount_fen = coalesce(cast(:amount as bigint), e.monthly_amount_fen),
                    reason = case when cast(:to as text) is null and cast(:amount as bigint) is null then e.reason else :reason end,
                    ended_on = case when coalesce(cast(:to as text), e.status) = 'ENDED' then :on else null end,
                    updated_at = :at, version = e.version + 1
                from member m
                where m.id_number_hash = :person and e.member_id = m.id
                  and e.status = any(cast(:from as text[]))
                  and (cast(:programme as text) is null or e.programme = cast(:programme as text))
                returning e.id, e.county_code, e.status, e.monthly_amount_fen),
            history as (
                insert into enrolment_change (enrolment_id, county_code, status, monthly_amount_fen, reason, source, changed_by, changed_at)
                select id, county_code, status, monthly_amount_fen, :reason, :source, :by, :at from changed)
            select count(*) as changed from changed
            """;

    // The standing decision of a BASIC_LIVING case, from intake's views; the amount is the county's
    // standard in force on the day when one is set (the allowance is the standard), else the amount decided.
    private static final String GRANTED_MINIMUM_LIVING = """
            select r.id, r.subject_id_hash, r.subject_id_cipher, r.subject_id_masked, r.subject_name, r.village_code, r.county_code,
                   d.id as decision_id, d.decided_by, d.decided_at,
                   coalesce((select s.monthly_amount_fen from programme_standard s
                             where s.county_code = r.county_code and s.programme = 'MINIMUM_LIVING'
                               and s.effective_from <= cast(d.decided_at at time zone 'Asia/Shanghai' as date)
                             order by s.effective_from desc limit 1), d.amount_fen) as monthly_fen,
                   cast(d.decided_at at time zone 'Asia/Shanghai' as date) as decided_on
            from report_view r
            join case_decision_view d on d.report_id = r.id and d.kind = 'DECISION'
            where r.id = :report and r.category = 'BASIC_LIVING' and r.status = 'DECIDED'
              and r.subject_id_hash is not null and r.subject_id_cipher is not null
              and d.outcome = 'GRANT' and d.amount_fen is not null
            order by d.decided_at desc
            limit 1
            """;

    // A person the registry knows keeps their household; anyone else gets one of their own, keyed as an
    // import keys a person sent without a household, so that the feed's next file finds it.
    private static final String ENROL = """
            with existing as (
                select id from member where id_number_hash = :person),
            household_row as (
                insert into household (id, household_key, county_code, village_code, created_at, updated_at)
                select :householdId, :householdKey, :county, :village, :at, :at
                where not exists (select 1 from existing)
                on conflict (household_key) do update set updated_at = household.updated_at
                returning id),
            member_row as (
                insert into member (id, household_id, county_code, village_code, name_cipher, name_masked, name_hash, id_number_cipher,
                                    id_number_hash, id_number_masked, created_at, updated_at)
                select :memberId, h.id, :county, :village, :nameCipher, :nameMasked, :nameHash, :idCipher, :person, :idMasked, :at, :at
                from household_row h
                returning id),
            person as (
                select id from existing union all select id from member_row),
            enrolled as (
                insert into enrolment (id, member_id, programme, county_code, village_code, monthly_amount_fen, starts_on, status, reason,
                                       created_at, updated_at)
                select :enrolmentId, p.id, 'MINIMUM_LIVING', :county, :village, :amount, :startsOn, 'ACTIVE', :reason, :at, :at
                from person p
                on conflict (member_id, programme) do update
                    set status = 'ACTIVE', monthly_amount_fen = excluded.monthly_amount_fen, starts_on = excluded.starts_on,
                        reason = excluded.reason, ended_on = null, county_code = excluded.county_code,
                        village_code = excluded.village_code, updated_at = excluded.updated_at, version = enrolment.version + 1
                    where enrolment.status <> 'ACTIVE'
                returning id, county_code, status, monthly_amount_fen, reason),
            history as (
                insert into enrolment_change (enrolment_id, county_code, status, monthly_amount_fen, reason, source, changed_by, changed_at)
                select id, county_code, status, monthly_amount_fen, reason, 'DECISION', :by, :at from enrolled)
            select count(*) as enrolled from enrolled
            """;

    private final DatabaseClient database;

    public R2dbcEnrolmentChanges(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Integer> apply(byte[] person, EnrolmentChange change) {
        GenericExecuteSpec spec = database.sql(APPLY)
                .bind("person", person)
                .bind("from", change.from().stream().map(EnrolmentStatus::name).sorted().toArray(String[]::new))
                .bind("reason", change.reason())
                .bind("on", change.on())
                .bind("source", change.source().name())
                .bind("by", change.changedBy())
                .bind("at", change.at().atOffset(ZoneOffset.UTC));
        spec = change.to() == null ? spec.bindNull("to", String.class) : spec.bind("to", change.to().name());
        spec = change.monthlyAmountFen() == null ? spec.bindNull("amount", Long.class) : spec.bind("amount", change.monthlyAmountFen());
        spec = change.programme() == null ? spec.bindNull("programme", String.class) : spec.bind("programme", change.programme().name());
        return spec.map(row -> row.get("changed", Long.class)).one().map(Long::intValue);
    }

    @Override
    public Mono<DecidedCase> grantedMinimumLiving(UUID report) {
        return database.sql(GRANTED_MINIMUM_LIVING).bind("report", report)
                .map(row -> new DecidedCase(row.get("id", UUID.class), bytes(row.get("subject_id_hash", ByteBuffer.class)),
                        bytes(row.get("subject_id_cipher", ByteBuffer.class)), row.get("subject_id_masked", String.class),
                        row.get("subject_name", String.class), row.get("village_code", String.class).trim(),
                        row.get("county_code", String.class).trim(), row.get("monthly_fen", Long.class), row.get("decided_on", LocalDate.class),
                        row.get("decided_by", String.class), row.get("decided_at", OffsetDateTime.class).toInstant(),
                        row.get("decision_id", UUID.class)))
                .one();
    }

    @Override
    public Mono<Boolean> enrol(DecidedCase decided, ProtectedName name, Instant at) {
        return database.sql(ENROL)
                .bind("person", decided.subjectKey())
                .bind("householdId", UUID.randomUUID())
                .bind("householdKey", "person:" + HexFormat.of().formatHex(decided.subjectKey()))
                .bind("memberId", UUID.randomUUID())
                .bind("enrolmentId", UUID.randomUUID())
                .bind("county", decided.countyCode())
                .bind("village", decided.villageCode())
                .bind("nameCipher", name.ciphertext())
                .bind("nameMasked", name.masked())
                .bind("nameHash", name.hash())
                .bind("idCipher", decided.idCipher())
                .bind("idMasked", decided.idMasked())
                .bind("amount", decided.monthlyAmountFen())
                .bind("startsOn", decided.startsOn())
                .bind("reason", "Granted by decision " + decided.decisionId() + " of report " + decided.reportId())
                .bind("by", decided.decidedBy())
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .map(row -> row.get("enrolled", Long.class))
                .one()
                .map(enrolled -> enrolled == 1);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public Mono<Void> deceased(byte[] person, LocalDate on, Instant at) {
        return database.sql("""
                        update member set deceased_on = :on, updated_at = :at, version = version + 1
                        where id_number_hash = :person and deceased_on is null
                        """)
                .bind("person", person)
                .bind("on", on)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .then();
    }
}
