package org.aidline.registry.campaign.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.aidline.registry.Programme;
import org.aidline.registry.campaign.Campaign;
import org.aidline.registry.campaign.Campaigns;
import org.aidline.registry.disbursement.Granted;
import org.aidline.registry.disbursement.Granter;
import org.aidline.registry.disbursement.PayoutSource;
import org.aidline.registry.disbursement.PayoutUnit;
import org.jspecify.annotations.Nullable;
import org.aidline.registry.jurisdiction.RegistryConflictException;
import org.aidline.registry.disbursement.persistence.RunCompletion;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Campaigns in PostgreSQL, and their grants: one statement per county, unique per person and campaign. */
public class R2dbcCampaigns implements Campaigns, Granter {

    // The counties with someone to pay; a county granted before is granted again, finding only whom it missed.
    private static final String START = """
            with started as (
                update campaign set status = 'RUNNING', started_at = coalesce(started_at, :now), completed_at = null,
                    version = version + 1
                where id = :id
                returning id, programmes, as_of, region_prefix),
            counties as (
                select distinct e.county_code
                from enrolment e, started s
                where e.programme = any(s.programmes) and e.status = 'ACTIVE' and e.starts_on <= s.as_of
                  and e.county_code like s.region_prefix || '%')
            insert into payout_unit (run_id, county_code, source, status, updated_at)
            select :id, county_code, 'CAMPAIGN', 'PENDING', :now from counties
            on conflict (run_id, county_code) do update set status = 'PENDING', claim = null, lease_until = null, updated_at = :now
            where payout_unit.status = 'DONE'
            """;

    // One grant per person (not per enrolment): the unique index (run_id, member_id) decides, whoever runs it.
    private static final String GRANT = """
            with granted as (
                insert into payout (source, run_id, line, member_id, county_code, amount_fen, payee_key, status, created_at, updated_at)
                select 'CAMPAIGN', c.id, 'GRANT', m.id, m.county_code, c.amount_per_person_fen, m.id_number_hash, 'PENDING', :now, :now
                from campaign c
                join member m on m.county_code = :county and m.deceased_on is null
                where c.id = :run
                  and exists (select 1 from enrolment e
                              where e.member_id = m.id and e.programme = any(c.programmes) and e.status = 'ACTIVE' and e.starts_on <= c.as_of)
                on conflict do nothing
                returning amount_fen)
            select count(*) as payments, cast(coalesce(sum(amount_fen), 0) as bigint) as amount from granted
            """;

    private static final String COMPLETE = RunCompletion.of("campaign");

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcCampaigns(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Mono<Campaign> create(Campaign campaign) {
        return database.sql("""
                        insert into campaign (id, name, amount_per_person_fen, programmes, as_of, region_prefix, status, created_by, created_at)
                        values (:id, :name, :amount, :programmes, :asOf, :prefix, :status, :by, :at)""")
                .bind("id", campaign.id())
                .bind("name", campaign.name())
                .bind("amount", campaign.amountPerPersonFen())
                .bind("programmes", campaign.programmes().stream().map(Programme::name).toArray(String[]::new))
                .bind("asOf", campaign.asOf())
                .bind("prefix", campaign.regionPrefix())
                .bind("status", campaign.status().name())
                .bind("by", campaign.createdBy())
                .bind("at", utc(campaign.createdAt()))
                .then()
                .as(transactions::transactional)
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> new RegistryConflictException(
                        "A campaign named '" + campaign.name() + "' exists for this region: it pays each person once"))
                .thenReturn(campaign);
    }

    @Override
    public Mono<Campaign> find(UUID id) {
        return database.sql("select * from campaign where id = :id").bind("id", id).map(R2dbcCampaigns::campaign).one();
    }

    @Override
    public Mono<Campaign> start(Campaign campaign, Instant now) {
        return database.sql(START).bind("id", campaign.id()).bind("now", utc(now)).then()
                .then(find(campaign.id()))
                .as(transactions::transactional);
    }

    @Override
    public PayoutSource source() {
        return PayoutSource.CAMPAIGN;
    }

    @Override
    public Mono<Granted> grant(PayoutUnit unit, Instant now) {
        return database.sql(GRANT)
                .bind("run", unit.runId())
                .bind("county", unit.countyCode())
                .bind("now", utc(now))
                .map((row, metadata) -> new Granted(row.get("payments", Long.class).intValue(),
                        row.get("amount", Long.class), 0, 0))
                .one();
    }

    @Override
    public Mono<Long> completeFinished(Instant now) {
        return database.sql(COMPLETE).bind("now", utc(now)).fetch().rowsUpdated();
    }

    private static Campaign campaign(Readable row) {
        String[] programmes = row.get("programmes", String[].class);
        return new Campaign(row.get("id", UUID.class), row.get("name", String.class), row.get("amount_per_person_fen", Long.class),
                Arrays.stream(programmes).map(Programme::valueOf).toList(), row.get("as_of", LocalDate.class),
                row.get("region_prefix", String.class), Campaign.Status.valueOf(row.get("status", String.class)),
                row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                instant(row.get("started_at", OffsetDateTime.class)), instant(row.get("completed_at", OffsetDateTime.class)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
