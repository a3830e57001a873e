package org.aidline.registry.standard.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.aidline.registry.Programme;
import org.aidline.registry.jurisdiction.RegistryConflictException;
import org.aidline.registry.standard.ProgrammeStandard;
import org.aidline.registry.standard.StandardChange;
import org.aidline.registry.standard.Standards;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Standards in PostgreSQL. Setting one is a transaction of a few statements, serialised per county
 * and programme by an advisory lock; the enrolments are recomputed in one statement, whatever their number.
 */
public class R2dbcStandards implements Standards {

    // With a standard before it, every amount moves by the raise (individual top-ups and deductions kept);
    // a county's first standard sets every amount to it.
    private static final String RECOMPUTE = """
            with changed as (
                update enrolment e
                set monthly_amount_fen = case when cast(:previous as bigint) is null then :amount
                                              else greatest(0, e.monthly_amount_fen + :amount - cast(:previous as bigint)) end,
                    updated_at = :at, version = e.version + 1
                where e.county_code = :county and e.programme = :programme and e.status = 'ACTIVE'
                  and e.monthly_amount_fen <> case when cast(:previous as bigint) is null then :amount
                                                   else greatest(0, e.monthly_amount_fen + :amount - cast(:previous as bigint)) end
                returning e.id, e.county_code, e.status, e.monthly_amount_fen),
            history as (
                insert into enrolment_change (enrolment_id, county_code, status, monthly_amount_fen, reason, source, changed_by, changed_at)
                select id, county_code, status, monthly_amount_fen, :reason, 'STANDARD', :actor, :at from changed),
            owed as (
                insert into back_payment (enrolment_id, month, effective_from, amount_fen, created_at)
                select c.id, p.month, :from, c.monthly_amount_fen - p.amount_fen - earlier.fen, :at
                from changed c
                join payout p on p.enrolment_id = c.id and p.line = 'MONTHLY' and p.month >= :from and p.status <> 'FAILED'
                cross join lateral (select coalesce(sum(b.amount_fen), 0) as fen from back_payment b
                                    where b.enrolment_id = c.id and b.month = p.month) earlier
                where c.monthly_amount_fen - p.amount_fen - earlier.fen > 0
                returning amount_fen)
            select (select count(*) from changed) as enrolments, (select count(*) from owed) as owed,
                   (select cast(coalesce(sum(amount_fen), 0) as bigint) from owed) as owed_fen
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcStandards(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Flux<ProgrammeStandard> of(String countyCode) {
        return database.sql("select * from programme_standard where county_code = :county order by programme, effective_from")
                .bind("county", countyCode)
                .map((row, metadata) -> new ProgrammeStandard(row.get("county_code", String.class),
                        Programme.valueOf(row.get("programme", String.class)), row.get("effective_from", LocalDate.class),
                        row.get("monthly_amount_fen", Long.class), row.get("changed_by", String.class),
                        row.get("changed_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    @Override
    public Mono<StandardChange> set(ProgrammeStandard standard) {
        String county = standard.countyCode();
        String programme = standard.programme().name();
        Mono<Void> lock = database.sql("select pg_advisory_xact_lock(hashtext('programme_standard:' || :county || ':' || :programme))")
                .bind("county", county).bind("programme", programme).then();
        Mono<Boolean> later = database.sql("""
                        select exists (select 1 from programme_standard
                                       where county_code = :county and programme = :programme and effective_from > :from) as later""")
                .bind("county", county).bind("programme", programme).bind("from", standard.effectiveFrom())
                .map((row, metadata) -> row.get("later", Boolean.class)).one();
        Mono<Long> previous = database.sql("""
                        select monthly_amount_fen from programme_standard
                        where county_code = :county and programme = :programme and effective_from <= :from
                        order by effective_from desc limit 1""")
                .bind("county", county).bind("programme", programme).bind("from", standard.effectiveFrom())
                .map((row, metadata) -> row.get("monthly_amount_fen", Long.class)).one();
        Mono<Void> upsert = database.sql("""
                        insert into programme_standard (county_code, programme, effective_from, monthly_amount_fen, changed_by, changed_at)
                        values (:county, :programme, :from, :amount, :actor, :at)
                        on conflict (county_code, programme, effective_from)
                        do update set monthly_amount_fen = excluded.monthly_amount_fen, changed_by = excluded.changed_by,
                                      changed_at = excluded.changed_at""")
                .bind("county", county).bind("programme", programme).bind("from", standard.effectiveFrom())
                .bind("amount", standard.monthlyAmountFen()).bind("actor", standard.changedBy()).bind("at", utc(standard))
                .then();
        return lock.then(later).flatMap(exists -> exists
                        ? Mono.error(new RegistryConflictException("A later standard of " + programme + " is set in county " + county
                                + ": change that one"))
                        : previous.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(before -> upsert.then(recompute(standard, before.orElse(null))))
                .as(transactions::transactional);
    }

    private Mono<StandardChange> recompute(ProgrammeStandard standard, @Nullable Long previous) {
        var spec = database.sql(RECOMPUTE)
                .bind("amount", standard.monthlyAmountFen())
                .bind("county", standard.countyCode())
                .bind("programme", standard.programme().name())
                .bind("from", standard.effectiveFrom())
                .bind("reason", "standard " + standard.programme() + " from " + standard.effectiveFrom() + ": "
                        + standard.monthlyAmountFen() + " fen a month")
                .bind("actor", standard.changedBy())
                .bind("at", utc(standard));
        spec = previous == null ? spec.bindNull("previous", Long.class) : spec.bind("previous", previous);
        return spec.map((row, metadata) -> new StandardChange(standard, previous, row.get("enrolments", Long.class).intValue(),
                        row.get("owed", Long.class).intValue(), row.get("owed_fen", Long.class)))
                .one();
    }

    private static OffsetDateTime utc(ProgrammeStandard standard) {
        return standard.changedAt().atOffset(ZoneOffset.UTC);
    }
}
