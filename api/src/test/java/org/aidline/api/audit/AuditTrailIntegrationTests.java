package org.aidline.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.aidline.intake.audit.AuditTrail;
import org.aidline.intake.audit.ChainVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: written with every change, under the request's actor and id; sealed into a
 * chain that names the first event edited, deleted or inserted by plain SQL. Each tampering is
 * undone afterwards, so the chain other tests see stays whole.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

    private static final String SEALER_LOCK = "select pg_advisory_lock(hashtext('aidline.audit.sealer'))";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    DatabaseClient database;

    @Autowired
    AuditTrail trail;

    @Autowired
    JsonMapper json;

    @Autowired
    io.r2dbc.spi.ConnectionFactory connections;

    @Test
    void aFilingIsAuditedUnderTheCitizenAndTheRequestInTheSameTransaction() {
        Tokens.Caller citizen = tokens.newCitizen();
        String requestId = "req-" + UUID.randomUUID();
        JsonNode report = file(citizen, requestId);
        String reportId = report.get("id").asString();

        List<Map<String, Object>> events = rows("select entity_type, action, actor, request_id, county_code from audit_event "
                + "where request_id = :request order by id", "request", requestId);
        assertThat(events).extracting(event -> event.get("entity_type"))
                .contains("report", "aid_grant", "ledger_entry", "payment_instruction")
                // The coordinator task is notification's: opened from the ReportFiled event, after the filing committed.
                .doesNotContain("coordinator_task");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("actor")).isEqualTo(citizen.subject());
            assertThat(event.get("county_code")).isEqualTo("640104");
            assertThat(event.get("action")).isEqualTo("INSERT");
        });
        // The task's opening is audited too, as the system's work, in the report's county.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(
                "select e.actor, e.county_code from audit_event e join coordinator_task t on e.entity_id = t.id::text "
                        + "where e.entity_type = 'coordinator_task' and e.action = 'INSERT' and t.report_id = :report",
                "report", UUID.fromString(reportId)))
                .singleElement().satisfies(event -> {
                    assertThat(event.get("actor")).isEqualTo("system");
                    assertThat(event.get("county_code")).isEqualTo("640104");
                }));

        JsonNode page = read(tokens.staff(Role.AUDITOR, "640104"), "/api/v1/audit?entityType=report&entityId=" + reportId);
        assertThat(page.at("/items/0/actor").asString()).isEqualTo(citizen.subject());
        assertThat(page.at("/items/0/requestId").asString()).isEqualTo(requestId);
        assertThat(page.at("/items/0/after/status").asString()).isEqualTo("FAST_TRACKED");
        // Another county's auditor does not see it.
        assertThat(read(tokens.staff(Role.AUDITOR, "640521"), "/api/v1/audit?entityType=report&entityId=" + reportId).get("items")).isEmpty();
    }

    @Test
    void aChangeRecordsTheRowBeforeAndAfter() {
        Tokens.Caller citizen = tokens.newCitizen();
        String reportId = file(citizen, "req-" + UUID.randomUUID()).get("id").asString();
        String task = await().atMost(Duration.ofSeconds(10)).until(() -> rows("select id::text as id from coordinator_task "
                + "where report_id = :report", "report", UUID.fromString(reportId)), opened -> !opened.isEmpty()).get(0).get("id").toString();
        String coordinator = tokens.issue("coord-640104001001", List.of(Role.COORDINATOR), "640104001001");
        web.post().uri("/api/v1/coordinator/tasks/{id}/ack", task).header("Authorization", "Bearer " + coordinator)
                .header(AuditContextFilter.HEADER, "ack-" + task).exchange().expectStatus().isOk();

        JsonNode events = read(tokens.staff(Role.AUDITOR, "640104"), "/api/v1/audit?entityType=coordinator_task&entityId=" + task);
        JsonNode items = events.get("items");
        JsonNode update = items.get(items.size() - 1);
        assertThat(update.get("action").asString()).isEqualTo("UPDATE");
        assertThat(update.get("actor").asString()).isEqualTo("coord-640104001001");
        assertThat(update.get("requestId").asString()).isEqualTo("ack-" + task);
        assertThat(update.at("/before/status").asString()).isEqualTo("ASSIGNED");
        assertThat(update.at("/after/status").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void documentsAttachedByTheCitizenAndATaskCompletedByItsCoordinatorAreAuditedUnderEachAndTheirRequest() {
        Tokens.Caller citizen = tokens.newCitizen();
        JsonNode report = file(citizen, "req-" + UUID.randomUUID());
        String grant = report.at("/grant/id").asString();
        String etag = web.get().uri("/api/v1/grants/{id}", grant).header("Authorization", citizen.bearer()).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        String attachId = "attach-" + grant;
        web.post().uri("/api/v1/grants/{id}/documents", grant).header("Authorization", citizen.bearer()).header("If-Match", etag)
                .header(AuditContextFilter.HEADER, attachId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("documents", List.of(Map.of("type", "ID", "size", 204800,
                        "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "uri", "https://files.example.gov.cn/d/id-" + UUID.randomUUID() + ".jpg"))))
                .exchange().expectStatus().isOk();

        // The task is opened by notification from the report's event, a moment after the filing answered.
        String task = await().atMost(Duration.ofSeconds(10)).until(() -> rows("select id::text as id from coordinator_task where report_id = :report",
                "report", UUID.fromString(report.get("id").asString())), found -> !found.isEmpty()).get(0).get("id").toString();
        String coordinator = tokens.issue("coord-640104001001", List.of(Role.COORDINATOR), "640104001001");
        web.post().uri("/api/v1/coordinator/tasks/{id}/ack", task).header("Authorization", "Bearer " + coordinator)
                .exchange().expectStatus().isOk();
        String completeId = "complete-" + task;
        web.post().uri("/api/v1/coordinator/tasks/{id}/complete", task).header("Authorization", "Bearer " + coordinator)
                .header(AuditContextFilter.HEADER, completeId).exchange().expectStatus().isOk();

        assertThat(rows("select entity_type, entity_id, action, actor from audit_event where request_id = :request", "request", attachId))
                .extracting(event -> event.get("entity_type"), event -> event.get("entity_id"), event -> event.get("action"),
                        event -> event.get("actor"))
                .containsExactly(tuple("aid_grant", grant, "UPDATE", citizen.subject()));
        assertThat(rows("select entity_type, entity_id, action, actor from audit_event where request_id = :request", "request", completeId))
                .extracting(event -> event.get("entity_type"), event -> event.get("entity_id"), event -> event.get("action"),
                        event -> event.get("actor"))
                .containsExactly(tuple("coordinator_task", task, "UPDATE", "coord-640104001001"));
    }

    @Test
    void aDeviceRegisteredAndUnregisteredIsAuditedUnderItsUserAndEachRequest() {
        // A coordinator of no village, so that no push of another test goes to this phone.
        Tokens.Caller coordinator = tokens.staff(Role.COORDINATOR, "640104999999");
        String token = "audit-" + UUID.randomUUID();
        String deviceId = json.readTree(web.post().uri("/api/v1/devices").header("Authorization", coordinator.bearer())
                .header(AuditContextFilter.HEADER, "register-" + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("provider", "FCM", "token", token)).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("id").asString();
        web.delete().uri("/api/v1/devices/{id}", deviceId)
                .header("Authorization", coordinator.bearer()).header(AuditContextFilter.HEADER, "unregister-" + token).exchange()
                .expectStatus().isNoContent();

        List<Map<String, Object>> events = rows("select action, actor, request_id from audit_event "
                + "where entity_type = 'device' and after ->> 'token' = :token order by id", "token", token);
        assertThat(events).extracting(event -> event.get("action"), event -> event.get("actor"), event -> event.get("request_id"))
                .containsExactly(tuple("INSERT", coordinator.subject(), "register-" + token),
                        tuple("UPDATE", coordinator.subject(), "unregister-" + token));
    }

    @Test
    void anIdentityWhoseFirstWriteRollsBackIsAuditedUnderTheCoordinatorAndTheRequestOnlyForWhatStays() {
        // The household already has its fast-track grant: identifying the hotline report's subject fails in the
        // database and rolls back; the same request then cancels the grant as a duplicate in a transaction of its own.
        Map<String, Object> granted = SampleReports.selfReport();
        file(tokens.newCitizen(), granted, "req-" + UUID.randomUUID());
        String village = "640104002003";
        Map<String, Object> hotline = SampleReports.hotlineReport(village, "13900000003");
        hotline.put("category", "ACCIDENT");
        hotline.put("urgent", true);
        JsonNode waiting = json.readTree(web.post().uri("/api/v1/hotline/reports")
                .header("Authorization", tokens.staff(Role.OPERATOR, "640104").bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(hotline).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String grant = waiting.at("/grant/id").asString();
        assertThat(waiting.at("/grant/status").asString()).isEqualTo("AWAITING_IDENTITY");

        Tokens.Caller coordinator = tokens.staff(Role.COORDINATOR, village);
        String requestId = "identify-" + UUID.randomUUID();
        web.post().uri("/api/v1/reports/{id}/identity", waiting.get("id").asString())
                .header("Authorization", coordinator.bearer()).header(AuditContextFilter.HEADER, requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("idNumber", SampleReports.subjectOf(granted).get("idNumber")))
                .exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("DUPLICATE");

        List<Map<String, Object>> events = rows("select entity_type, entity_id, action, actor from audit_event where request_id = :request "
                + "order by id", "request", requestId);
        // No payment instruction: the rolled-back identity's insert left no event.
        assertThat(events).extracting(event -> event.get("entity_type"), event -> event.get("action"))
                .containsExactlyInAnyOrder(tuple("aid_grant", "UPDATE"), tuple("ledger_entry", "INSERT"), tuple("report", "UPDATE"));
        assertThat(events).allSatisfy(event -> assertThat(event.get("actor")).isEqualTo(coordinator.subject()));
        assertThat(events).filteredOn(event -> "aid_grant".equals(event.get("entity_type")))
                .extracting(event -> event.get("entity_id")).containsExactly(grant);
    }

    @Test
    void theTrailIsAppendOnlyForTheApplication() {
        file(tokens.newCitizen(), "req-" + UUID.randomUUID());
        assertThatThrownBy(() -> database.sql("update audit_event set actor = 'someone else' where id = (select max(id) from audit_event)")
                .fetch().rowsUpdated().block()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("delete from audit_event where id = (select max(id) from audit_event)")
                .fetch().rowsUpdated().block()).hasMessageContaining("append-only");
    }

    @Test
    void anEditedEventIsFoundAndTheChainHoldsOnceItIsPutBack() {
        long seq = sealedEvent();
        Map<String, Object> original = rows("select actor from audit_event where chain_seq = :seq", "seq", seq).get(0);

        tamper("update audit_event set actor = 'mallory' where chain_seq = " + seq);
        try {
            ChainVerification found = trail.verify().block();
            assertThat(found.brokenSeq()).isEqualTo(seq);
            assertThat(found.reason()).contains("content");
            JsonNode view = read(tokens.staff(Role.AUDITOR, "640104"), "/api/v1/audit/verify");
            assertThat(view.get("intact").asBoolean()).isFalse();
            assertThat(view.at("/firstBroken/chainSeq").asLong()).isEqualTo(seq);
        } finally {
            tamper("update audit_event set actor = '" + original.get("actor") + "' where chain_seq = " + seq);
        }
        assertThat(trail.verify().block().intact()).isTrue();
    }

    @Test
    void aDeletedEventIsFound() {
        long seq = sealedEvent();
        String kept = rows("select to_jsonb(e)::text as kept from audit_event e where chain_seq = :seq", "seq", seq).get(0).get("kept").toString();
        tamper("delete from audit_event where chain_seq = " + seq);
        try {
            ChainVerification found = trail.verify().block();
            assertThat(found.brokenSeq()).isEqualTo(seq);
            assertThat(found.reason()).contains("missing");
        } finally {
            tamper("insert into audit_event select * from jsonb_populate_record(null::audit_event, '" + kept.replace("'", "''") + "'::jsonb)");
        }
        assertThat(trail.verify().block().intact()).isTrue();
    }

    @Test
    void anEventInsertedInTheMiddleIsFound() {
        long seq = sealedEvent();
        // Make room at seq (everything from there one further on) and put a forged event in it.
        String forge = "update audit_event set chain_seq = -chain_seq where chain_seq >= " + seq + "; "
                + "update audit_event set chain_seq = -chain_seq + 1 where chain_seq < 0; "
                + "insert into audit_event (actor, entity_type, entity_id, action, chain_seq, prev_hash, hash) "
                + "select 'mallory', 'aid_grant', 'forged', 'UPDATE', " + seq + ", hash, sha256(hash) from audit_event where chain_seq = " + (seq - 1);
        String undo = "delete from audit_event where entity_id = 'forged' and chain_seq = " + seq + "; "
                + "update audit_event set chain_seq = -chain_seq where chain_seq > " + seq + "; "
                + "update audit_event set chain_seq = -chain_seq - 1 where chain_seq < 0";
        tamper(forge);
        try {
            ChainVerification found = trail.verify().block();
            assertThat(found.brokenSeq()).isEqualTo(seq);
        } finally {
            tamper(undo);
        }
        assertThat(trail.verify().block().intact()).isTrue();
    }

    @Test
    void anInstanceWithAnotherKeyDoesNotSealTheChain() {
        file(tokens.newCitizen(), "req-" + UUID.randomUUID());
        byte[] anotherKey = "another instance's key, misconfigured!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> database.sql("select seal_audit_events(:key, 10)").bind("key", java.nio.ByteBuffer.wrap(anotherKey))
                .fetch().rowsUpdated().block()).hasStackTraceContaining("not the key of the chain");
        assertThat(trail.verify().block().intact()).isTrue();
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        for (Tokens.Caller outsider : List.of(tokens.newCitizen(), tokens.staff(Role.OPERATOR, "640104"),
                tokens.staff(Role.COORDINATOR, "640104001001"), tokens.staff(Role.SUPERVISOR, "640104"))) {
            for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify")) {
                web.get().uri(path).header("Authorization", outsider.bearer()).exchange()
                        .expectStatus().isForbidden()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        web.get().uri("/api/v1/audit").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/audit?cursor=abc").header("Authorization", tokens.staff(Role.AUDITOR, "640104").bearer()).exchange()
                .expectStatus().isBadRequest();
    }

    /** Files a report, seals the chain, and answers a sealed event of it past the start of the chain. */
    @Test
    void aChangeFromASessionWithoutTheServicesSearchPathIsStillAudited() {
        // A DBA's psql, or any tool, with the default search_path: the registry's row trigger calls intake.audit_row_change,
        // which must find intake's tables by itself.
        UUID importId = UUID.randomUUID();
        Mono.usingWhen(Mono.from(unpooled().create()), connection -> Flux.concat(
                                run(connection, "set search_path = public"),
                                run(connection, "insert into registry.registry_import (id, status, started_by, started_at, updated_at) "
                                        + "values ('" + importId + "', 'RUNNING', 'dba-by-hand', now(), now())"))
                        .then(Mono.just(true)),
                        io.r2dbc.spi.Connection::close)
                .block(Duration.ofSeconds(30));

        assertThat(rows("select action, actor from audit_event where entity_type = 'registry_import' and entity_id = :id", "id",
                importId.toString()))
                .singleElement().satisfies(event -> {
                    assertThat(event.get("action")).isEqualTo("INSERT");
                    assertThat(event.get("actor")).isEqualTo("system");
                });
    }

    private long sealedEvent() {
        String requestId = "req-" + UUID.randomUUID();
        file(tokens.newCitizen(), requestId);
        // This instance's sealer or another's seals it, whichever holds the sealer's lock.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            trail.seal(100_000).block(Duration.ofSeconds(30));
            return rows("select count(*) as unsealed from audit_event where request_id = :request and chain_seq is null", "request", requestId)
                    .get(0).get("unsealed").equals(0L);
        });
        Long seq = (Long) rows("select min(chain_seq) as seq from audit_event where request_id = :request", "request", requestId)
                .get(0).get("seq");
        assertThat(seq).isNotNull().isGreaterThan(1);
        assertThat(trail.verify().block().intact()).as("the chain before tampering").isTrue();
        return seq;
    }

    /**
     * Runs the SQL as a DBA with write access would: past the append-only trigger, while no sealer
     * runs, on a connection of its own that is closed afterwards (so no pooled connection keeps
     * the replica role).
     */
    private void tamper(String statements) {
        Mono.usingWhen(Mono.from(unpooled().create()), connection -> Flux.concat(
                                run(connection, SEALER_LOCK),
                                run(connection, "set session_replication_role = replica"),
                                Flux.fromArray(statements.split("; ")).concatMap(sql -> run(connection, sql)))
                        .then(Mono.just(true)),
                        io.r2dbc.spi.Connection::close)
                .block(Duration.ofSeconds(30));
    }

    private static Flux<Long> run(io.r2dbc.spi.Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(result -> result.getRowsUpdated());
    }

    private io.r2dbc.spi.ConnectionFactory unpooled() {
        io.r2dbc.spi.ConnectionFactory factory = connections;
        while (factory instanceof io.r2dbc.spi.Wrapped<?> wrapped && wrapped.unwrap() instanceof io.r2dbc.spi.ConnectionFactory inner) {
            factory = inner;
        }
        return factory;
    }

    private JsonNode file(Tokens.Caller citizen, String requestId) {
        return file(citizen, SampleReports.selfReport(), requestId);
    }

    private JsonNode file(Tokens.Caller citizen, Map<String, Object> report, String requestId) {
        return filings.created(filings.reportRequest(citizen.bearer(), Filings.newKey())
                .header(AuditContextFilter.HEADER, requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(report).exchange());
    }

    private JsonNode read(Tokens.Caller auditor, String path) {
        return json.readTree(web.get().uri(path).header("Authorization", auditor.bearer()).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private List<Map<String, Object>> rows(String sql, String name, Object value) {
        return database.sql(sql).bind(name, value).fetch().all().collectList().block(Duration.ofSeconds(10));
    }
}
