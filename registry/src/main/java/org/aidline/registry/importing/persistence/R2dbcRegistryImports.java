package org.aidline.registry.importing.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.aidline.registry.importing.BatchOutcome;
import org.aidline.registry.importing.ImportBatch;
import org.aidline.registry.importing.ImportId;
import org.aidline.registry.importing.ImportIdTaken;
import org.aidline.registry.importing.ImportStatus;
import org.aidline.registry.importing.RegistryImport;
import org.aidline.registry.importing.RegistryImports;
import org.aidline.registry.importing.RowError;
import org.aidline.registry.importing.SealedRow;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in PostgreSQL. A batch is one statement: its rows go in as one array parameter a column
 * ({@code unnest}), households, members and enrolments are upserted set-wise (a row whose
 * values are already as sent is not touched, so neither history nor audit hears of it), and the
 * import's counts move in the same transaction, so what the import's row says was written was.
 */
public class R2dbcRegistryImports implements RegistryImports {

    // Within a batch the same person (or household, or enrolment) may come twice: the last row wins, as
    // it would have had the rows come one by one; ON CONFLICT cannot touch one row twice in a statement.
    private static final String APPLY = """
            with input as (
                select * from unnest(cast(:rn as bigint[]), cast(:hh as text[]), cast(:hhId as uuid[]), cast(:mId as uuid[]),
                                     cast(:eId as uuid[]), cast(:idh as text[]), cast(:idc as text[]), cast(:idm as text[]),
                                     cast(:nh as text[]), cast(:nc as text[]), cast(:nm as text[]), cast(:v as text[]), cast(:c as text[]),
                                     cast(:p as text[]), cast(:a as bigint[]), cast(:s as date[]), cast(:st as text[]), cast(:r as text[]))
                    as r(rn, hh, hh_id, m_id, e_id, idh, idc, idm, nh, nc, nm, v, c, p, a, s, st, r)
            ),
            households as (
                insert into household (id, household_key, county_code, village_code, created_at, updated_at)
                select distinct on (hh) hh_id, hh, c, v, :at, :at from input order by hh, rn desc
                on conflict (household_key) do update
                    set county_code = excluded.county_code, village_code = excluded.village_code, updated_at = excluded.updated_at,
                        version = household.version + 1
                    where (household.county_code, household.village_code) is distinct from (excluded.county_code, excluded.village_code)
                returning id, household_key
            ),
            household_ids as (
                select id, household_key from households
                union
                select h.id, h.household_key from household h where h.household_key in (select hh from input)
            ),
            members as (
                insert into member (id, household_id, county_code, village_code, name_cipher, name_masked, name_hash,
                                    id_number_cipher, id_number_hash, id_number_masked, created_at, updated_at)
                select distinct on (i.idh) i.m_id, h.id, i.c, i.v, decode(i.nc, 'base64'), i.nm, decode(i.nh, 'base64'),
                       decode(i.idc, 'base64'), decode(i.idh, 'base64'), i.idm, :at, :at
                from input i join household_ids h on h.household_key = i.hh
                order by i.idh, i.rn desc
                on conflict (id_number_hash) do update
                    set household_id = excluded.household_id, county_code = excluded.county_code, village_code = excluded.village_code,
                        name_cipher = excluded.name_cipher, name_masked = excluded.name_masked, name_hash = excluded.name_hash,
                        updated_at = excluded.updated_at, version = member.version + 1
                    where (member.household_id, member.village_code, member.name_hash)
                          is distinct from (excluded.household_id, excluded.village_code, excluded.name_hash)
                returning id, id_number_hash
            ),
            member_ids as (
                select id, id_number_hash from members
                union
                select m.id, m.id_number_hash from member m where m.id_number_hash in (select decode(idh, 'base64') from input)
            ),
            enrolments as (
                insert into enrolment (id, member_id, programme, county_code, village_code, monthly_amount_fen, starts_on, status, reason,
                                       ended_on, created_at, updated_at)
                -- Sent without a start, an existing enrolment keeps its own; sent as ENDED, it keeps the day it ended.
                select distinct on (m.id, i.p) i.e_id, m.id, i.p, i.c, i.v, i.a, coalesce(i.s, x.starts_on, cast(:today as date)), i.st, i.r,
                       case when i.st = 'ENDED' then coalesce(x.ended_on, cast(:today as date)) end, :at, :at
                from input i
                join member_ids m on m.id_number_hash = decode(i.idh, 'base64')
                left join enrolment x on x.member_id = m.id and x.programme = i.p
                order by m.id, i.p, i.rn desc
                on conflict (member_id, programme) do update
                    set county_code = excluded.county_code, village_code = excluded.village_code,
                        monthly_amount_fen = excluded.monthly_amount_fen, starts_on = excluded.starts_on, status = excluded.status,
                        reason = excluded.reason, ended_on = excluded.ended_on, updated_at = excluded.updated_at,
                        version = enrolment.version + 1
                    where (enrolment.county_code, enrolment.village_code, enrolment.monthly_amount_fen, enrolment.starts_on,
                           enrolment.status, enrolment.reason, enrolment.ended_on)
                          is distinct from (excluded.county_code, excluded.village_code, excluded.monthly_amount_fen, excluded.starts_on,
                           excluded.status, excluded.reason, excluded.ended_on)
                returning id, county_code, status, monthly_amount_fen, reason, (xmax = 0) as made
            ),
            history as (
                insert into enrolment_change (enrolment_id, county_code, status, monthly_amount_fen, reason, source, changed_by, changed_at,
                                              import_id)
                select id, county_code, status, monthly_amount_fen, reason, 'IMPORT', :by, :at, :importId from enrolments
            ),
            counts as (
                select count(*) filter (where made) as enrolled, count(*) filter (where not made) as changed from enrolments
            )
            select enrolled, changed from counts
            """;

    // A statement of its own at the end of the batch's transaction: the import's row is the one row that batches written at
    // once share, so it is locked only for the moment before the commit.
    private static final String PROGRESS = """
            update registry_import
               set rows_read = rows_read + :read, rows_accepted = rows_accepted + :accepted, rows_refused = rows_refused + :refused,
                   enrolled = enrolled + :enrolled, changed = changed + :changed, errors = errors || cast(:errors as jsonb),
                   errors_omitted = errors_omitted + :omitted, updated_at = :at
             where id = :importId
            """;

    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcRegistryImports(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Mono<Void> start(RegistryImport started) {
        GenericExecuteSpec insert = database.sql("""
                        insert into registry_import (id, status, region_code, started_by, started_at, updated_at)
                        values (:id, :status, :region, :by, :at, :at)
                        """)
                .bind("id", started.id().value())
                .bind("status", started.status().name())
                .bind("by", started.startedBy())
                .bind("at", utc(started.startedAt()));
        insert = started.regionCode() == null ? insert.bindNull("region", String.class) : insert.bind("region", started.regionCode());
        return insert.fetch().rowsUpdated()
                .as(transactions::transactional)
                .onErrorMap(DuplicateKeyException.class, taken -> new ImportIdTaken(started.id()))
                .then();
    }

    @Override
    public Mono<BatchOutcome> apply(ImportId id, ImportBatch batch, String by, Instant at, LocalDate today) {
        OffsetDateTime time = utc(at);
        return Columns.of(batch.rows()).bindTo(database.sql(APPLY))
                .bind("at", time)
                .bind("today", today)
                .bind("by", by)
                .bind("importId", id.value())
                .map(row -> new BatchOutcome(row.get("enrolled", Long.class), row.get("changed", Long.class)))
                .one()
                .flatMap(outcome -> database.sql(PROGRESS)
                        .bind("importId", id.value())
                        .bind("read", batch.read())
                        .bind("accepted", (long) batch.rows().size())
                        .bind("refused", batch.refused())
                        .bind("enrolled", outcome.enrolled())
                        .bind("changed", outcome.changed())
                        .bind("errors", json.writeValueAsString(batch.errors()))
                        .bind("omitted", batch.errorsOmitted())
                        .bind("at", time)
                        .fetch().rowsUpdated()
                        .thenReturn(outcome))
                .as(transactions::transactional);
    }

    @Override
    public Mono<Void> finish(ImportId id, ImportStatus status, @Nullable String failure, Instant at) {
        GenericExecuteSpec update = database.sql("""
                        update registry_import set status = :status, failure = :failure, finished_at = :at, updated_at = :at
                        where id = :id and status = 'RUNNING'
                        """)
                .bind("id", id.value())
                .bind("status", status.name())
                .bind("at", utc(at));
        update = failure == null ? update.bindNull("failure", String.class) : update.bind("failure", failure);
        return update.fetch().rowsUpdated().as(transactions::transactional).then();
    }

    @Override
    public Mono<RegistryImport> find(ImportId id) {
        return database.sql("""
                        select id, status, region_code, started_by, started_at, finished_at, rows_read, rows_accepted, rows_refused,
                               enrolled, changed, cast(errors as text) as errors, errors_omitted, failure
                        from registry_import where id = :id
                        """)
                .bind("id", id.value())
                .map(row -> new RegistryImport(new ImportId(row.get("id", UUID.class)), ImportStatus.valueOf(row.get("status", String.class)),
                        row.get("region_code", String.class), row.get("started_by", String.class),
                        row.get("started_at", OffsetDateTime.class).toInstant(), instant(row.get("finished_at", OffsetDateTime.class)),
                        row.get("rows_read", Long.class), row.get("rows_accepted", Long.class), row.get("rows_refused", Long.class),
                        row.get("enrolled", Long.class), row.get("changed", Long.class), inFileOrder(json.readValue(row.get("errors", String.class), ERRORS)),
                        row.get("errors_omitted", Long.class), row.get("failure", String.class)))
                .one();
    }

    @Override
    public Mono<Map<String, String>> countiesOf(Set<String> villageCodes) {
        if (villageCodes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("select village_code, county_code from village_directory where village_code = any(cast(:codes as text[]))")
                .bind("codes", villageCodes.toArray(String[]::new))
                .map(row -> Map.entry(row.get("village_code", String.class).strip(), row.get("county_code", String.class).strip()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Batches written at once commit in either order, so their errors are appended so: a reader sees them by row. */
    private static List<RowError> inFileOrder(List<RowError> errors) {
        return errors.stream().sorted(Comparator.comparingLong(RowError::row)).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /**
     * A batch as the statement's unnest reads it: one array a column (a batch of thousands is eighteen parameters, each
     * sent once; parsing them costs the database a fraction of what one JSON document of the same rows did). Bytes go as
     * base64, decoded by the statement; a missing start or reason is a null element.
     */
    private record Columns(Long[] rn, String[] hh, UUID[] hhId, UUID[] mId, UUID[] eId, String[] idh, String[] idc, String[] idm,
            String[] nh, String[] nc, String[] nm, String[] v, String[] c, String[] p, Long[] a, String[] s, String[] st, String[] r) {

        static Columns of(List<SealedRow> rows) {
            int size = rows.size();
            Columns columns = new Columns(new Long[size], new String[size], new UUID[size], new UUID[size], new UUID[size], new String[size],
                    new String[size], new String[size], new String[size], new String[size], new String[size], new String[size],
                    new String[size], new String[size], new Long[size], new String[size], new String[size], new String[size]);
            Base64.Encoder base64 = Base64.getEncoder();
            for (int i = 0; i < size; i++) {
                SealedRow row = rows.get(i);
                columns.rn[i] = row.row();
                columns.hh[i] = row.householdKey();
                columns.hhId[i] = row.newHouseholdId();
                columns.mId[i] = row.newMemberId();
                columns.eId[i] = row.newEnrolmentId();
                columns.idh[i] = base64.encodeToString(row.idNumberHash());
                columns.idc[i] = base64.encodeToString(row.idNumberCipher());
                columns.idm[i] = row.idNumberMasked();
                columns.nh[i] = base64.encodeToString(row.nameHash());
                columns.nc[i] = base64.encodeToString(row.nameCipher());
                columns.nm[i] = row.nameMasked();
                columns.v[i] = row.villageCode();
                columns.c[i] = row.countyCode();
                columns.p[i] = row.programme();
                columns.a[i] = row.monthlyAmountFen();
                columns.s[i] = row.startsOn() == null ? null : row.startsOn().toString();
                columns.st[i] = row.status();
                columns.r[i] = row.reason();
            }
            return columns;
        }

        GenericExecuteSpec bindTo(GenericExecuteSpec statement) {
            return statement.bind("rn", rn).bind("hh", hh).bind("hhId", hhId).bind("mId", mId).bind("eId", eId).bind("idh", idh)
                    .bind("idc", idc).bind("idm", idm).bind("nh", nh).bind("nc", nc).bind("nm", nm).bind("v", v).bind("c", c).bind("p", p)
                    .bind("a", a).bind("s", s).bind("st", st).bind("r", r);
        }
    }
}
