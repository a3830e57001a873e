package org.aidline.intake.verification.persistence;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.ReportCursor;
import org.aidline.intake.verification.DueVerification;
import org.aidline.intake.verification.GrantVerification;
import org.aidline.intake.verification.Finding;
import org.aidline.intake.verification.VerificationStatus;
import org.aidline.intake.verification.Verifications;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Verification searches in PostgreSQL, claimed with SKIP LOCKED so that instances share them without asking twice. */
public class R2dbcVerifications implements Verifications {

    private static final String START = """
            with due as (
                select id from aid_grant
                where verification_status = 'NOT_STARTED' and household_key is not null and status <> 'REVOKED'
                order by created_at limit :limit
                for update skip locked),
            started as (
                update aid_grant g set verification_status = 'PENDING' from due where g.id = due.id returning g.id),
            searches as (
                insert into verification (id, grant_id, registry, status, next_attempt_at, created_at, updated_at)
                select gen_random_uuid(), started.id, registry, 'PENDING', :now, :now, :now
                from started cross join unnest(cast(:registries as text[])) as registry
                on conflict on constraint verification_once_per_registry do nothing)
            select count(*) as started from started
            """;

    private static final String CLAIM = """
            with due as (
                select id from verification
                where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                order by next_attempt_at limit :limit
                for update skip locked)
            update verification v
            set status = 'SENDING', attempts = v.attempts + 1, next_attempt_at = :leaseUntil, updated_at = :now
            from due, aid_grant g, report r
            where v.id = due.id and g.id = v.grant_id and r.id = g.report_id
            returning v.id, v.grant_id, v.registry, v.attempts, r.subject_id_cipher
            """;

    // Runs after the grant row is locked, so this statement's snapshot sees every other answer for it.
    private static final String ANSWER = """
            with answered as (
                update verification set status = :status, findings = cast(:findings as jsonb), last_error = :note, updated_at = :now
                where id = :id and status = 'SENDING' returning grant_id),
            states as (
                select case when v.id = :id then cast(:status as text) else v.status end as status
                from verification v where v.grant_id = :grant),
            summary as (
                select case when bool_or(status = 'FLAGGED') then 'FLAGGED'
                            when bool_or(status in ('PENDING', 'SENDING')) then 'PENDING'
                            when bool_or(status = 'UNAVAILABLE') then 'UNAVAILABLE'
                            else 'CLEAR' end as verdict
                from states),
            summed as (
                update aid_grant g set verification_status = summary.verdict, updated_at = :now
                from summary, answered
                where g.id = answered.grant_id and g.verification_status <> summary.verdict
                returning g.report_id, summary.verdict),
            recorded as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select summed.report_id, (select coalesce(max(sequence), 0) + 1 from report_event e where e.report_id = summed.report_id),
                       'VERIFIED', :now, 'aidline', jsonb_build_object('verification', summed.verdict)
                from summed where summed.verdict <> 'PENDING')
            select verdict from summary
            """;

    private static final TypeReference<List<Map<String, Object>>> SEARCHES = new TypeReference<>() { };

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcVerifications(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Mono<Long> startFor(List<String> registries, Instant now, int limit) {
        return database.sql(START)
                .bind("registries", registries.toArray(String[]::new))
                .bind("now", utc(now))
                .bind("limit", limit)
                .map(row -> row.get("started", Long.class))
                .one();
    }

    @Override
    public Flux<DueVerification> claimDue(Instant now, Instant leaseUntil, int limit) {
        return database.sql(CLAIM)
                .bind("now", utc(now))
                .bind("leaseUntil", utc(leaseUntil))
                .bind("limit", limit)
                .map(row -> new DueVerification(
                        row.get("id", UUID.class),
                        row.get("grant_id", UUID.class),
                        row.get("registry", String.class),
                        row.get("attempts", Integer.class),
                        bytes(row.get("subject_id_cipher", ByteBuffer.class))))
                .all();
    }

    @Override
    public Mono<VerificationStatus> answer(DueVerification search, VerificationStatus status, List<Finding> findings, String note, Instant now) {
        Mono<VerificationStatus> answer = database.sql("select id from aid_grant where id = :grant for update")
                .bind("grant", search.grantId())
                .fetch().one()
                .then(database.sql(ANSWER)
                        .bind("id", search.id())
                        .bind("grant", search.grantId())
                        .bind("status", status.name())
                        .bind("findings", json.writeValueAsString(findings.stream()
                                .map(finding -> Map.of("registry", finding.registry(), "record", finding.record())).toList()))
                        .bind("note", note)
                        .bind("now", utc(now))
                        .map(row -> VerificationStatus.valueOf(row.get("verdict", String.class)))
                        .one());
        // The report's history is numbered per report; another feature may append at the same moment.
        return transactions.transactional(answer)
                .retryWhen(Retry.max(3).filter(DataIntegrityViolationException.class::isInstance));
    }

    @Override
    public Flux<GrantVerification> inRegion(RegionScope region, VerificationStatus status, @Nullable ReportCursor after, int limit) {
        String sql = """
                select g.id, g.report_id, r.village_code, g.verification_status, g.updated_at,
                  (select coalesce(jsonb_agg(jsonb_build_object('registry', v.registry, 'status', v.status,
                        'findings', v.findings, 'note', v.last_error, 'attempts', v.attempts) order by v.registry), '[]')
                   from verification v where v.grant_id = g.id)::text as searches
                from aid_grant g join report r on r.id = g.report_id
                where g.verification_status = :status and r.village_code like :region
                """ + (after == null ? "" : " and (g.updated_at, g.id) < (:afterAt, :afterId)")
                + " order by g.updated_at desc, g.id desc limit :limit";
        var spec = database.sql(sql)
                .bind("status", status.name())
                .bind("region", region.prefix() + "%")
                .bind("limit", limit + 1);
        if (after != null) {
            spec = spec.bind("afterAt", utc(after.createdAt())).bind("afterId", after.id());
        }
        return spec.map(row -> new GrantVerification(
                        row.get("id", UUID.class),
                        row.get("report_id", UUID.class),
                        row.get("village_code", String.class),
                        VerificationStatus.valueOf(row.get("verification_status", String.class)),
                        json.readValue(row.get("searches", String.class), SEARCHES),
                        row.get("updated_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    @Override
    public Mono<Void> askAgainAt(DueVerification search, String reason, Instant nextAttemptAt, Instant now) {
        return database.sql("update verification set status = 'PENDING', next_attempt_at = :next, last_error = :reason, updated_at = :now "
                        + "where id = :id and status = 'SENDING'")
                .bind("id", search.id())
                .bind("next", utc(nextAttemptAt))
                .bind("reason", reason)
                .bind("now", utc(now))
                .then();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
