package org.aidline.intake.casework.persistence;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.casework.CaseChangedException;
import org.aidline.intake.casework.CaseDecision;
import org.aidline.intake.casework.CaseDecisionReview;
import org.aidline.intake.casework.CaseDecisionWrite;
import org.aidline.intake.casework.CaseFile;
import org.aidline.intake.casework.CaseFiles;
import org.aidline.intake.casework.CaseKind;
import org.aidline.intake.casework.DecisionLevel;
import org.aidline.intake.casework.DoneStep;
import org.aidline.intake.casework.Filing;
import org.aidline.intake.casework.Objection;
import org.aidline.intake.casework.Outcome;
import org.aidline.intake.casework.RefusalReason;
import org.aidline.intake.events.EventLog;
import org.aidline.intake.events.ReportStatusChanged;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.ledger.persistence.LedgerEntries;
import org.aidline.intake.money.Money;
import org.aidline.intake.referral.Referrals;
import org.aidline.intake.policy.CaseRules;
import org.aidline.intake.policy.CaseStep;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.policy.persistence.StoredCaseRules;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportStatus;
import org.aidline.intake.report.persistence.ReportHistory;
import org.aidline.intake.review.PaymentOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cases in intake's tables: the report (its status and version), case_step, case_objection, case_decision. */
public class R2dbcCaseFiles implements CaseFiles {

    // The rules of the policy version the report was triaged under (the province default's latest if that is gone).
    private static final String BY_REPORT = """
            select r.id, r.version, r.status, r.triage_decision, r.village_code, r.filed_by, r.subject_name, r.category,
                   r.policy_county, r.policy_version, p.township_cap_fen, p.minimum_living_fen, p.ordinary_case::text as ordinary_case,
                   g.id as grant_id, g.status as grant_status,
                   (select coalesce(jsonb_agg(jsonb_build_object('step', s.step, 'actor', s.actor, 'at', s.at, 'endsAt', s.ends_at,
                                                                 'outcome', s.outcome)), '[]')
                    from case_step s where s.report_id = r.id) as steps,
                   (select coalesce(jsonb_agg(to_jsonb(o) order by o.raised_at, o.id), '[]')
                    from case_objection o where o.report_id = r.id) as objections,
                   (select coalesce(jsonb_agg(to_jsonb(d) order by d.decided_at, d.id), '[]')
                    from case_decision d where d.report_id = r.id) as decisions,
                   (select count(*) from call_back c where c.report_id = r.id and c.satisfaction = 'UNSATISFIED') as reopenings
            from report r
            left join aid_grant g on g.report_id = r.id
            cross join lateral (
                (select township_cap_fen, minimum_living_fen, ordinary_case, 0 as fallback from policy
                 where county_code = r.policy_county and version = r.policy_version)
                union all
                (select township_cap_fen, minimum_living_fen, ordinary_case, 1 from policy
                 where county_code = '640000' order by version desc limit 1)
                order by fallback limit 1) p
            where r.id = :id
            """;

    private static final String SUBJECT_CIPHER = "select subject_id_cipher from report where id = :id and subject_id_cipher is not null";

    private static final String REPORT_OF_DECISION = "select report_id from case_decision where id = :id";

    /** Every write below ends with the report's history (see {@link ReportHistory}). */
    private static final String HISTORY = ReportHistory.APPENDED;

    /**
     * The ReportStatusChanged event of a write that changes the report's status (none when
     * {@code :statusEvent} is null), waking every instance's event delivery at commit.
     */
    private static final String PUBLISHED = """
            published as (
                insert into domain_event (id, type, report_id, occurred_at, payload)
                select cast(:statusEventId as uuid), 'ReportStatusChanged', moved.id, :at, cast(:statusEvent as jsonb)
                from moved where cast(:statusEvent as text) is not null
                returning pg_notify(:eventChannel, '')),
            """;

    private static final String RECORD_STEP = """
            with moved as (
                update report set updated_at = :at, version = version + 1
                where id = :report and version = :version and status = :status
                returning id),
            step as (
                insert into case_step (report_id, step, actor, at, ends_at, outcome)
                select moved.id, :step, :actor, :at, :endsAt, cast(:outcome as jsonb) from moved
                on conflict (report_id, step) do update
                    set actor = excluded.actor, at = excluded.at, ends_at = excluded.ends_at, outcome = excluded.outcome),
            """ + HISTORY;

    private static final String RAISE_OBJECTION = """
            with moved as (
                update report set updated_at = :at, version = version + 1
                where id = :report and version = :version
                returning id),
            objection as (
                insert into case_objection (id, report_id, raised_by, raised_at, objector, statement, status)
                select :objection, moved.id, :actor, :at, :objector, :statement, 'OPEN' from moved),
            """ + HISTORY;

    private static final String RESOLVE_OBJECTION = """
            with moved as (
                update report set updated_at = :at, version = version + 1
                where id = :report and version = :version
                  and exists (select 1 from case_objection o where o.id = :objection and o.report_id = :report and o.status = 'OPEN')
                returning id),
            resolved as (
                update case_objection set status = :resolution, resolved_by = :actor, resolved_at = :at, resolution = :text
                where id = :objection and status = 'OPEN' and exists (select 1 from moved)),
            """ + HISTORY;

    private static final String DECIDE = """
            with moved as (
                update report set status = case when :kind = 'DECISION' then 'DECIDED' else status end,
                                  updated_at = :at, version = version + 1
                where id = :report and version = :version and status = 'IN_REVIEW'
                returning id, county_code, village_code, reference),
            granted as (
                insert into aid_grant (id, report_id, county_code, household_key, status, amount_fen, awaiting_approval_fen,
                    required_documents, documents_due_at, policy_county, policy_version, fast_track_window, override_reason,
                    created_at, updated_at)
                select cast(:grant as uuid), moved.id, moved.county_code, null, 'CONFIRMED', :grantFen, 0, '[]', null,
                       :policyCounty, :policyVersion, tstzrange(:at, :at, '[]'), null, :at, :at
                from moved where cast(:grant as uuid) is not null
                returning id, county_code, amount_fen),
            decision as (
                insert into case_decision (id, report_id, county_code, village_code, kind, level, outcome, amount_fen, refusal,
                    note, basis, decided_by, decided_at, grant_id, filing, review_until)
                select :decision, moved.id, moved.county_code, moved.village_code, :kind, :level, :outcome, :amountFen, :refusal,
                       :note, :basis, :actor, :at, cast(:grant as uuid), :filing, :reviewUntil
                from moved),
            entitlement as (
            """ + LedgerEntries.append("""
                select granted.county_code, granted.id, 'GRANT', granted.amount_fen, :at, :actor, moved.reference, cast(null as uuid)
                from granted, moved""") + """
            ),
            instruction as (
                insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, attempts, next_attempt_at,
                    created_at, updated_at)
                select cast(:orderId as uuid), cast(:orderId as text), granted.id, 'PAYMENT', granted.amount_fen, 'PENDING', 0,
                       :at, :at, :at
                from granted),
            """ + PUBLISHED + HISTORY;

    // The report is moved first, so that the filed decision is reviewed only together with it (and only once).
    private static final String REVIEW_FILING = """
            with moved as (
                update report set status = case when :reopen then 'IN_REVIEW' else status end, updated_at = :at, version = version + 1
                where id = :report and version = :version
                  and exists (select 1 from case_decision d where d.id = :decision and d.report_id = :report and d.filing = 'FILED')
                returning id),
            reviewed as (
                update case_decision set filing = :filing, reviewed_by = :actor, reviewed_at = :at, review_note = :note
                where id = :decision and filing = 'FILED' and exists (select 1 from moved)),
            under_review as (
                update aid_grant set status = 'DOCUMENTED', documents_due_at = :at, updated_at = :at, version = version + 1
                where :grantUnderReview and id = cast(:grant as uuid) and status = 'CONFIRMED' and exists (select 1 from moved)),
            """ + PUBLISHED + HISTORY;

    private static final String CLOSABLE = """
            select r.id from report r
            where r.status in ('DECIDED', 'FAST_TRACKED', 'REFERRED', 'REOPENED') and (cast(:after as uuid) is null or r.id > cast(:after as uuid))
              and (r.status = 'REOPENED'
                   or (r.status = 'DECIDED'
                       and not exists (select 1 from aid_grant g where g.report_id = r.id and g.status not in ('CONFIRMED', 'REVOKED')))
                   or (r.status = 'FAST_TRACKED'
                       and exists (select 1 from aid_grant g where g.report_id = r.id and g.status in ('CONFIRMED', 'REVOKED')))
                   or (r.status = 'REFERRED' and exists (select 1 from referral f where f.report_id = r.id)))
              and not exists (select 1 from referral f where f.report_id = r.id and f.status in ('OPEN', 'ACCEPTED'))
            order by r.id limit :limit
            """;

    // A closed report with a phone number to call owes a call-back, tried as often as its policy says
    // (the province default, 3, for a policy from before work orders). r is the report as it was.
    private static final String CLOSE = """
            with moved as (
                update report set status = 'CLOSED', updated_at = :at, version = version + 1
                where id = :report and version = :version and status = :status
                returning id),
            call_back_owed as (
                insert into call_back (id, report_id, closure, county_code, village_code, status, max_tries, created_at)
                select gen_random_uuid(), r.id, coalesce((select max(c.closure) from call_back c where c.report_id = r.id), 0) + 1,
                       r.county_code, r.village_code, 'WAITING', coalesce((p.work_orders ->> 'callBackTries')::integer, 3), :at
                from moved join report r on r.id = moved.id
                left join policy p on p.county_code = r.policy_county and p.version = r.policy_version
                where coalesce(r.caller_phone, r.subject_phone) is not null),
            """ + PUBLISHED + HISTORY;

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final Referrals referrals;

    public R2dbcCaseFiles(DatabaseClient database, TransactionalOperator transactions, JsonMapper json, Referrals referrals) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
        this.referrals = referrals;
    }

    @Override
    public Mono<CaseFile> byReport(ReportId id) {
        return database.sql(BY_REPORT).bind("id", id.value()).map((row, metadata) -> caseFile(row)).one()
                .zipWith(referrals.ofReport(id).collectList(), CaseFile::withReferrals);
    }

    @Override
    public Mono<byte[]> subjectIdCipher(ReportId id) {
        return database.sql(SUBJECT_CIPHER).bind("id", id.value()).map(row -> bytes(row.get("subject_id_cipher", ByteBuffer.class))).one();
    }

    @Override
    public Mono<Boolean> recordStep(ReportId id, int version, ReportStatus status, DoneStep step, String eventType) {
        Map<String, Object> detail = CaseFiles.detail("step", step.step().name(), "endsAt", step.endsAt() == null ? null : step.endsAt().toString());
        if (step.step() == CaseStep.MEANS_TEST) {
            // The registries' findings stay on the step, for staff; the history, which the citizen reads too, keeps the verdict.
            detail.put("verdict", step.outcome().get("verdict"));
        } else if (step.step() != CaseStep.INVESTIGATION) {
            detail.putAll(step.outcome());
        }
        GenericExecuteSpec spec = history(database.sql(RECORD_STEP), eventType, step.actor(), step.at(), detail, null, null)
                .bind("report", id.value())
                .bind("version", version)
                .bind("status", status.name())
                .bind("step", step.step().name())
                .bind("outcome", json.writeValueAsString(step.outcome()));
        spec = step.endsAt() == null ? spec.bindNull("endsAt", OffsetDateTime.class) : spec.bind("endsAt", utc(step.endsAt()));
        return moved(spec);
    }

    @Override
    public Mono<Boolean> raiseObjection(ReportId id, int version, Objection objection) {
        GenericExecuteSpec spec = history(database.sql(RAISE_OBJECTION), "OBJECTION_RAISED", objection.raisedBy(), objection.raisedAt(),
                CaseFiles.detail("objection", objection.id().toString()), null, null)
                .bind("report", id.value())
                .bind("version", version)
                .bind("objection", objection.id())
                .bind("statement", objection.statement());
        return moved(nullable(spec, "objector", objection.objector()));
    }

    @Override
    public Mono<Boolean> resolveObjection(ReportId id, int version, Objection resolved) {
        return moved(history(database.sql(RESOLVE_OBJECTION), "OBJECTION_RESOLVED", resolved.resolvedBy(), resolved.resolvedAt(),
                CaseFiles.detail("objection", resolved.id().toString(), "resolution", resolved.status().name(),
                        "note", resolved.resolution()), null, null)
                .bind("report", id.value())
                .bind("version", version)
                .bind("objection", resolved.id())
                .bind("resolution", resolved.status().name())
                .bind("text", resolved.resolution()));
    }

    @Override
    public Mono<Boolean> decide(CaseDecisionWrite write) {
        CaseDecision decision = write.decision();
        Grant grant = write.grant();
        PaymentOrder order = write.order();
        String eventType = decision.kind() == CaseDecision.Kind.RECOMMENDATION ? "RECOMMENDED" : "DECIDED";
        Map<String, Object> granted = grant == null ? null : CaseFiles.detail("grant", grant.id().toString(),
                "amountFen", grant.amount().fen(), "status", grant.status().name());
        GenericExecuteSpec spec = history(database.sql(DECIDE), eventType, decision.decidedBy(), decision.decidedAt(),
                write.decidedDetail(), grant == null ? null : ReportEvent.GRANTED, granted)
                .bind("report", write.file().reportId().value())
                .bind("version", write.file().version())
                .bind("decision", decision.id())
                .bind("kind", decision.kind().name())
                .bind("level", decision.level().name())
                .bind("outcome", decision.outcome().name())
                .bind("grantFen", grant == null ? 0L : grant.amount().fen())
                .bind("policyCounty", write.file().policy().countyCode())
                .bind("policyVersion", write.file().policy().version());
        spec = decision.amount() == null ? spec.bindNull("amountFen", Long.class) : spec.bind("amountFen", decision.amount().fen());
        spec = decision.reviewUntil() == null ? spec.bindNull("reviewUntil", OffsetDateTime.class)
                : spec.bind("reviewUntil", utc(decision.reviewUntil()));
        spec = nullable(spec, "grant", grant == null ? null : grant.id().toString());
        spec = nullable(spec, "orderId", order == null ? null : order.id().toString());
        spec = nullable(spec, "refusal", decision.refusal() == null ? null : decision.refusal().name());
        spec = nullable(spec, "note", decision.note());
        spec = nullable(spec, "basis", decision.basis());
        spec = nullable(spec, "filing", decision.filing() == null ? null : decision.filing().name());
        spec = statusEvent(spec, write.file().reportId(), ReportStatus.IN_REVIEW,
                decision.kind() == CaseDecision.Kind.DECISION ? ReportStatus.DECIDED : null, decision.decidedAt());
        return moved(spec);
    }

    @Override
    public Mono<Boolean> reviewFiling(CaseDecisionReview review) {
        CaseDecision decision = review.decision();
        GenericExecuteSpec spec = history(database.sql(REVIEW_FILING),
                review.filing() == Filing.SEEN ? "DECISION_SEEN" : "DECISION_OVERTURNED", review.reviewer(), review.at(),
                review.detail(), null, null)
                .bind("report", review.file().reportId().value())
                .bind("version", review.file().version())
                .bind("decision", decision.id())
                .bind("filing", review.filing().name())
                .bind("note", review.note())
                .bind("reopen", review.reopensCase())
                .bind("grantUnderReview", review.putsGrantUnderReview());
        spec = statusEvent(spec, review.file().reportId(), review.file().status(), review.reopensCase() ? ReportStatus.IN_REVIEW : null,
                review.at());
        return moved(nullable(spec, "grant", decision.grantId() == null ? null : decision.grantId().toString()));
    }

    @Override
    public Mono<CaseFile> byDecision(UUID decisionId) {
        return database.sql(REPORT_OF_DECISION).bind("id", decisionId).map(row -> new ReportId(row.get("report_id", UUID.class))).one()
                .flatMap(this::byReport);
    }

    @Override
    public Flux<ReportId> closable(@Nullable ReportId after, int limit) {
        return nullable(database.sql(CLOSABLE), "after", after == null ? null : after.value().toString()).bind("limit", limit)
                .map(row -> new ReportId(row.get("id", UUID.class))).all();
    }

    @Override
    public Mono<Boolean> close(ReportId id, int version, ReportStatus status, Instant at) {
        return moved(statusEvent(history(database.sql(CLOSE), "CLOSED", ReportEvent.SYSTEM, at, CaseFiles.detail("from", status.name()),
                        null, null), id, status, ReportStatus.CLOSED, at)
                .bind("report", id.value())
                .bind("version", version)
                .bind("status", status.name()));
    }

    private GenericExecuteSpec history(GenericExecuteSpec spec, String eventType, @Nullable String actor, @Nullable Instant at,
            Map<String, Object> detail, @Nullable String secondType, @Nullable Map<String, Object> secondDetail) {
        return ReportHistory.bind(spec, json, eventType, actor == null ? ReportEvent.SYSTEM : actor,
                java.util.Objects.requireNonNull(at, "a history event's moment"), detail, secondType, secondDetail);
    }

    /** Binds the status event of a write: published when the report goes from {@code from} to {@code to}, none when to is null. */
    private GenericExecuteSpec statusEvent(GenericExecuteSpec spec, ReportId report, ReportStatus from, @Nullable ReportStatus to, Instant at) {
        spec = spec.bind("eventChannel", EventLog.CHANNEL);
        if (to == null || to == from) {
            return spec.bindNull("statusEventId", String.class).bindNull("statusEvent", String.class);
        }
        ReportStatusChanged event = new ReportStatusChanged(UUID.randomUUID(), report.value(), from.name(), to.name(), at);
        return spec.bind("statusEventId", event.id().toString()).bind("statusEvent", json.writeValueAsString(event));
    }

    /** Runs the write in a transaction (the audit trail's actor is set in it): true when the report moved. */
    private Mono<Boolean> moved(GenericExecuteSpec spec) {
        return spec.map(row -> row.get("moved", Long.class)).one()
                .as(transactions::transactional)
                .map(moved -> moved != null && moved == 1)
                .onErrorMap(DataIntegrityViolationException.class, R2dbcCaseFiles::collision);
    }

    /** Another change of the report at the same moment (its history, its one standing decision): read again and retry. */
    private static Throwable collision(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("report_event_pkey") || message.contains("case_decision_standing")
                || message.contains("aid_grant_report_id_key") ? new CaseChangedException() : e;
    }

    private CaseFile caseFile(Readable row) {
        ReportStatus status = ReportStatus.valueOf(row.get("status", String.class));
        String triage = row.get("triage_decision", String.class);
        CaseKind kind = "STANDARD".equals(triage) ? CaseKind.ORDINARY
                : "FAST_TRACK".equals(triage) || status == ReportStatus.FAST_TRACKED ? CaseKind.EMERGENCY
                : CaseKind.NONE;
        String grantStatus = row.get("grant_status", String.class);
        String policyCounty = row.get("policy_county", String.class);
        Integer policyVersion = row.get("policy_version", Integer.class);
        CaseRules rules = StoredCaseRules.read(json, row.get("township_cap_fen", Long.class), row.get("ordinary_case", String.class));
        return new CaseFile(
                new ReportId(row.get("id", UUID.class)),
                row.get("version", Integer.class),
                status,
                kind,
                new VillageCode(row.get("village_code", String.class)),
                row.get("filed_by", String.class),
                row.get("subject_name", String.class),
                Category.valueOf(row.get("category", String.class)),
                new PolicyVersion(policyCounty == null ? "640000" : policyCounty, policyVersion == null ? 1 : policyVersion),
                rules,
                rules.townshipCap(Money.ofFen(row.get("minimum_living_fen", Long.class))),
                row.get("grant_id", UUID.class),
                grantStatus == null ? null : GrantStatus.valueOf(grantStatus),
                steps(row.get("steps", String.class)),
                objections(row.get("objections", String.class)),
                decisions(row.get("decisions", String.class)),
                List.of(),
                row.get("reopenings", Long.class).intValue());
    }

    @SuppressWarnings("unchecked")
    private List<DoneStep> steps(String rows) {
        List<DoneStep> steps = new ArrayList<>();
        for (Map<String, Object> row : json.readValue(rows, ROWS)) {
            steps.add(new DoneStep(CaseStep.valueOf((String) row.get("step")), (String) row.get("actor"), instant(row.get("at")),
                    row.get("endsAt") == null ? null : instant(row.get("endsAt")), (Map<String, Object>) row.get("outcome")));
        }
        return steps;
    }

    private List<Objection> objections(String rows) {
        List<Objection> objections = new ArrayList<>();
        for (Map<String, Object> row : json.readValue(rows, ROWS)) {
            objections.add(new Objection(UUID.fromString((String) row.get("id")), (String) row.get("raised_by"),
                    instant(row.get("raised_at")), (String) row.get("objector"), (String) row.get("statement"),
                    Objection.Status.valueOf((String) row.get("status")), (String) row.get("resolved_by"),
                    row.get("resolved_at") == null ? null : instant(row.get("resolved_at")), (String) row.get("resolution")));
        }
        return objections;
    }

    private List<CaseDecision> decisions(String rows) {
        List<CaseDecision> decisions = new ArrayList<>();
        for (Map<String, Object> row : json.readValue(rows, ROWS)) {
            decisions.add(new CaseDecision(
                    UUID.fromString((String) row.get("id")),
                    CaseDecision.Kind.valueOf((String) row.get("kind")),
                    DecisionLevel.valueOf((String) row.get("level")),
                    Outcome.valueOf((String) row.get("outcome")),
                    row.get("amount_fen") == null ? null : Money.ofFen(((Number) row.get("amount_fen")).longValue()),
                    row.get("refusal") == null ? null : RefusalReason.valueOf((String) row.get("refusal")),
                    (String) row.get("note"),
                    (String) row.get("basis"),
                    (String) row.get("decided_by"),
                    instant(row.get("decided_at")),
                    row.get("grant_id") == null ? null : UUID.fromString((String) row.get("grant_id")),
                    row.get("filing") == null ? null : Filing.valueOf((String) row.get("filing")),
                    row.get("review_until") == null ? null : instant(row.get("review_until")),
                    (String) row.get("reviewed_by"),
                    row.get("reviewed_at") == null ? null : instant(row.get("reviewed_at")),
                    (String) row.get("review_note")));
        }
        return decisions;
    }

    private static Instant instant(Object text) {
        return OffsetDateTime.parse((String) text).toInstant();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
