package org.aidline.registry.lifecycle.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
