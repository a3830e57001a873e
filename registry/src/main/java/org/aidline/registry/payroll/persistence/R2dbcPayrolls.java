package org.aidline.registry.payroll.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.registry.Programme;
import org.aidline.registry.disbursement.Granted;
import org.aidline.registry.disbursement.Granter;
import org.aidline.registry.disbursement.PayoutSource;
import org.aidline.registry.disbursement.PayoutUnit;
import org.aidline.registry.payroll.Payroll;
import org.aidline.registry.payroll.Payrolls;
import org.jspecify.annotations.Nullable;
import org.aidline.registry.disbursement.persistence.RunCompletion;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Payrolls in PostgreSQL. A county's payments are one statement: a payment per ACTIVE enrolment
 * (the unique index on enrolment and month skips whoever this month already paid), a back-payment
 * line per enrolment owed one, and those back-payments settled by that line.
 */
public class R2dbcPayrolls implements Payrolls, Granter {

    private static final String UNITS = """
            insert into payout_unit (run_id, county_code, source, status, updated_at)
            select distinct :id, e.county_code, 'PAYROLL', 'PENDING', :now
            from enrolment e
            where e.programme = :programme and e.status = 'ACTIVE' and e.county_code like :prefix || '%'
            """;

    private static final String GRANT = """
            with run as (
                select id, programme, month, (month + interval '1 month' - interval '1 day')::date as month_end from payroll where id = :run),
            monthly as (
                insert into payout (source, run_id, line, member_id, enrolment_id, month, county_code, amount_fen, payee_key, status,
                                    created_at, updated_at)
                select 'PAYROLL', run.id, 'MONTHLY', e.member_id, e.id, run.month, e.county_code, e.monthly_amount_fen, m.id_number_hash,
                       'PENDING', :now, :now
                from run
                join enrolment e on e.programme = run.programme and e.county_code = :county and e.status = 'ACTIVE'
                                 and e.starts_on <= run.month_end and e.monthly_amount_fen > 0
                join member m on m.id = e.member_id and m.deceased_on is null
                on conflict do nothing
                returning amount_fen),
            owed as (
                select b.enrolment_id, sum(b.amount_fen) as amount_fen
                from back_payment b
                join enrolment e on e.id = b.enrolment_id
                join run on e.programme = run.programme
                where b.payout_id is null and e.county_code = :county and e.status = 'ACTIVE'
                group by b.enrolment_id),
            back as (
                insert into payout (source, run_id, line, member_id, enrolment_id, month, county_code, amount_fen, payee_key, status,
                                    created_at, updated_at)
                select 'PAYROLL', run.id, 'BACK_PAY', e.member_id, e.id, run.month, e.county_code, owed.amount_fen, m.id_number_hash,
                       'PENDING', :now, :now
                from owed
                join enrolment e on e.id = owed.enrolment_id
                join member m on m.id = e.member_id and m.deceased_on is null
                cross join run
                on conflict do nothing
                returning id, enrolment_id, amount_fen),
            settled as (
                update back_payment b set payout_id = back.id
                from back
                where b.enrolment_id = back.enrolment_id and b.payout_id is null)
            select (select count(*) from monthly) as payments,
                   (select cast(coalesce(sum(amount_fen), 0) as bigint) from monthly) as payments_fen,
                   (select count(*) from back) as back_pays,
                   (select cast(coalesce(sum(amount_fen), 0) as bigint) from back) as back_pays_fen
            """;

    private static final String COMPLETE = RunCompletion.of("payroll");

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcPayrolls(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Mono<Payroll> create(Payroll payroll) {
        var insert = database.sql("""
                        insert into payroll (id, programme, month, region_prefix, county_code, status, created_by, created_at)
                        values (:id, :programme, :month, :prefix, :county, :status, :by, :at)""")
                .bind("id", payroll.id())
                .bind("programme", payroll.programme().name())
                .bind("month", payroll.month().atDay(1))
                .bind("prefix", payroll.regionPrefix())
                .bind("status", payroll.status().name())
                .bind("by", payroll.createdBy())
                .bind("at", utc(payroll.createdAt()));
        insert = payroll.countyCode() == null ? insert.bindNull("county", String.class) : insert.bind("county", payroll.countyCode());
        Mono<Long> units = database.sql(UNITS)
                .bind("id", payroll.id())
                .bind("now", utc(payroll.createdAt()))
                .bind("programme", payroll.programme().name())
                .bind("prefix", payroll.regionPrefix())
                .fetch().rowsUpdated();
        return insert.then().then(units).thenReturn(payroll).as(transactions::transactional);
    }

    @Override
    public Mono<Payroll> find(UUID id) {
        return database.sql("select * from payroll where id = :id").bind("id", id).map(R2dbcPayrolls::payroll).one();
    }

    @Override
    public PayoutSource source() {
        return PayoutSource.PAYROLL;
    }

    @Override
    public Mono<Granted> grant(PayoutUnit unit, Instant now) {
        return database.sql(GRANT)
                .bind("run", unit.runId())
                .bind("county", unit.countyCode())
                .bind("now", utc(now))
                .map((row, metadata) -> new Granted(row.get("payments", Long.class).intValue(), row.get("payments_fen", Long.class),
                        row.get("back_pays", Long.class).intValue(), row.get("back_pays_fen", Long.class)))
                .one();
    }

    @Override
    public Mono<Long> completeFinished(Instant now) {
        return database.sql(COMPLETE).bind("now", utc(now)).fetch().rowsUpdated();
    }

    private static Payroll payroll(Readable row) {
        OffsetDateTime completed = row.get("completed_at", OffsetDateTime.class);
        return new Payroll(row.get("id", UUID.class), Programme.valueOf(row.get("programme", String.class)),
                YearMonth.from(row.get("month", LocalDate.class)), row.get("region_prefix", String.class),
                row.get("county_code", String.class), Payroll.Status.valueOf(row.get("status", String.class)),
                row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class).toInstant(), instant(completed));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
