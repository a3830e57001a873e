package org.aidline.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Supervising;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Work queues, statistics and exports (issue 5, items 3-5): what each shows, to whom, and how the CSV reads. */
@IntegrationTest
class SupervisionIntegrationTests {

    static final String COUNTY = "640303";
    static final String VILLAGE = "640303002001";
    static final String OTHER_COUNTY = "640522";
    static final String OTHER_VILLAGE = "640522001001";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    Supervising api;
    Instant started;

    @BeforeEach
    void setUp() {
        api = new Supervising(web, tokens, json, database);
        started = Instant.now().minus(1, ChronoUnit.MINUTES);
    }

    @Test
    void flaggedGrantsWaitInTheirCountysQueueOnlyPageByPage() {
        String first = flaggedGrant(VILLAGE);
        String second = flaggedGrant(VILLAGE);
        String elsewhere = flaggedGrant(OTHER_VILLAGE);
        Caller supervisor = tokens.staff(Role.SUPERVISOR, COUNTY);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = read(supervisor, "/api/v1/supervision/queues/flagged-verifications?limit=1&from=" + started
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            page.get("items").forEach(item -> {
                seen.add(item.get("grantId").asString());
                assertThat(item.get("href").asString()).endsWith("/review");
            });
            cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
        } while (cursor != null);
        assertThat(seen).contains(first, second).doesNotContain(elsewhere).doesNotHaveDuplicates();

        JsonNode village = read(supervisor, "/api/v1/supervision/queues/flagged-verifications?limit=100&village=640303002");
        assertThat(village.get("items").findValuesAsString("grantId")).contains(first, second);
        JsonNode otherVillage = read(supervisor, "/api/v1/supervision/queues/flagged-verifications?limit=100&village=640303003001");
        assertThat(otherVillage.get("items").findValuesAsString("grantId")).doesNotContain(first, second);
        JsonNode auditor = read(tokens.staff(Role.AUDITOR, COUNTY), "/api/v1/supervision/queues/flagged-verifications?limit=100");
        assertThat(auditor.get("items").findValuesAsString("grantId")).contains(first, second);
    }

    @Test
    void escalationsWithNobodyLeftComeFirst() {
        String plain = escalatedTask(VILLAGE, false);
        String exhausted = escalatedTask(VILLAGE, true);
        JsonNode page = read(tokens.staff(Role.SUPERVISOR, COUNTY), "/api/v1/supervision/queues/escalations?limit=100");
        List<String> ids = page.get("items").findValuesAsString("id");
        assertThat(ids).contains(plain, exhausted);
        assertThat(ids.indexOf(exhausted)).isLessThan(ids.indexOf(plain));
        assertThat(page.get("items").get(0).get("state").asString()).isEqualTo("EXHAUSTED");
    }

    @Test
    void countsNameEveryQueue() {
        flaggedGrant(VILLAGE);
        JsonNode counts = read(tokens.staff(Role.SUPERVISOR, COUNTY), "/api/v1/supervision/queues?from=" + started).get("counts");
        assertThat(counts.propertyNames()).containsExactlyInAnyOrder("pending-reviews", "overdue-documents", "flagged-verifications",
                "escalations", "failed-payments", "dead-letters", "ordinary-cases", "filed-decisions", "referrals-waiting", "pending-extensions");
        assertThat(counts.get("flagged-verifications").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPlaceOutsideTheRegionIsRefusedAndAnUnknownQueueIsNotFound() {
        Caller supervisor = tokens.staff(Role.SUPERVISOR, COUNTY);
        problem(get(supervisor, "/api/v1/supervision/queues/escalations?county=" + OTHER_COUNTY), 403, "/problems/outside-region");
        problem(get(supervisor, "/api/v1/supervision/queues?village=" + OTHER_VILLAGE), 403, "/problems/outside-region");
        problem(get(supervisor, "/api/v1/supervision/queues/everything"), 404, "/problems/not-found");
        problem(get(supervisor, "/api/v1/supervision/queues/escalations?cursor=bogus"), 400, "/problems/bad-parameter");
    }

    @Test
    void statisticsCountReportsMoneyAndPercentilesOfTheCountyAndPeriod() {
        JsonNode report = api.fileUrgent(VILLAGE, "3000");
        ackTaskOf(report.get("id").asString());
        JsonNode figures = read(tokens.staff(Role.AUDITOR, COUNTY), "/api/v1/statistics?county=" + COUNTY + "&from=" + started);
        assertThat(figures.get("county").asString()).isEqualTo(COUNTY);
        assertThat(figures.get("reports").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.at("/byChannel/APP").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.at("/byCategory/MEDICAL_EMERGENCY").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.at("/byDecision/FAST_TRACK").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.at("/money/granted").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("3000.00"));
        assertThat(figures.at("/timeToAcknowledge/count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.at("/timeToAcknowledge/p50").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(figures.has("overdueDocuments")).isTrue();

        JsonNode none = read(tokens.staff(Role.SUPERVISOR, COUNTY), "/api/v1/statistics?county=" + COUNTY
                + "&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z");
        assertThat(none.get("reports").asLong()).isZero();
        JsonNode p50 = none.at("/timeToGrant/p50");
        assertThat(p50.isMissingNode() || p50.isNull()).as("no median without a case").isTrue();
    }

    @Test
    void supervisorsExportReportsMaskedWithABomAndChineseIntact() {
        JsonNode report = api.fileUrgent(VILLAGE, "3000", idNumber());
        byte[] body = csv(tokens.staff(Role.SUPERVISOR, COUNTY), "/api/v1/exports/reports.csv?county=" + COUNTY + "&from=" + started);
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("report_id,reference,created_at,channel,category");
        String line = lineOf(lines, report.get("id").asString());
        assertThat(line).contains("王**").doesNotContain("王建国").contains("父亲突发脑溢血住院，急需手术费")
                .contains("********").doesNotContain(lastIdNumber).contains(",138****8000,");
        assertThat(auditEventsFor("reports.csv")).isZero();
    }

    @Test
    void anAuditorsExportShowsPersonalDataAndIsAuditedOnce() {
        JsonNode report = api.fileUrgent(VILLAGE, "3000", idNumber());
        Caller auditor = tokens.staff(Role.AUDITOR, COUNTY);
        long before = auditEventsBy(auditor.subject());
        String text = new String(csv(auditor, "/api/v1/exports/reports.csv?county=" + COUNTY + "&from=" + started), StandardCharsets.UTF_8);
        assertThat(lineOf(text.split("\r\n"), report.get("id").asString())).contains("王建国").contains(lastIdNumber).contains(",13800138000,");
        assertThat(auditEventsBy(auditor.subject()) - before).isEqualTo(1);
        List<String> described = database.sql("select entity_type || ' ' || entity_id || ' ' || action || ' ' || county_code as e "
                        + "from audit_event where actor = :actor").bind("actor", auditor.subject())
                .map(row -> row.get("e", String.class)).all().collectList().block(Duration.ofSeconds(10));
        assertThat(described).singleElement().asString().startsWith("export reports.csv " + COUNTY + " ").endsWith("READ_PERSONAL_DATA " + COUNTY);
    }

    @Test
    void grantsAndLedgerExportTheirCounty() {
        JsonNode report = api.fileUrgent(VILLAGE, "3000", idNumber());
        String grant = report.at("/grant/id").asString();
        Caller supervisor = tokens.staff(Role.SUPERVISOR, COUNTY);
        String grants = new String(csv(supervisor, "/api/v1/exports/grants.csv?county=" + COUNTY + "&from=" + started), StandardCharsets.UTF_8);
        assertThat(grants.substring(1)).startsWith("grant_id,report_reference,county,village,status,amount_yuan");
        assertThat(lineOf(grants.split("\r\n"), grant)).contains(",2400.00,600.00,").contains("王**").doesNotContain(lastIdNumber);
        String ledger = new String(csv(supervisor, "/api/v1/exports/ledger.csv?county=" + COUNTY + "&from=" + started), StandardCharsets.UTF_8);
        assertThat(ledger.substring(1)).startsWith("id,at,county,grant_id,kind,amount_yuan,actor,reference\r\n");
        assertThat(lineOf(ledger.split("\r\n"), grant)).contains(",GRANT,2400.00,");
        String elsewhere = new String(csv(tokens.staff(Role.AUDITOR, OTHER_COUNTY), "/api/v1/exports/ledger.csv?from=" + started),
                StandardCharsets.UTF_8);
        assertThat(elsewhere).doesNotContain(grant);
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of("/api/v1/supervision/queues", "/api/v1/supervision/queues/escalations", "/api/v1/statistics?county=" + COUNTY,
                "/api/v1/statistics/work-orders?county=" + COUNTY + "&by=COORDINATOR", "/api/v1/exports/ledger.csv?county=" + COUNTY, "/api/v1/exports/grants.csv?county=" + COUNTY,
                "/api/v1/exports/reports.csv?county=" + COUNTY)) {
            cases.add(Arguments.of(path, "CITIZEN", null, 403));
            cases.add(Arguments.of(path, "OPERATOR", COUNTY, 403));
            cases.add(Arguments.of(path, "COORDINATOR", VILLAGE, 403));
            cases.add(Arguments.of(path, "MONITOR", COUNTY, 403));
            cases.add(Arguments.of(path, "ANONYMOUS", null, 401));
            if (!path.startsWith("/api/v1/supervision/queues")) {
                // Queues are of the token's region: another county's supervisor sees only theirs (the matrix shows it).
                cases.add(Arguments.of(path, "SUPERVISOR", OTHER_COUNTY, 403));
                cases.add(Arguments.of(path, "AUDITOR", OTHER_COUNTY, 403));
                // Statistics and exports are kept by county: a village's staff have no county to read.
                cases.add(Arguments.of(path, "SUPERVISOR", VILLAGE, 403));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} of {2} -> {3}")
    @MethodSource("refused")
    void refusesWhoeverMayNotOversee(String path, String role, String region, int status) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(path);
        if (!role.equals("ANONYMOUS")) {
            request = request.header("Authorization", "Bearer " + tokens.issue(role.toLowerCase() + "-" + UUID.randomUUID(),
                    List.of(Role.valueOf(role)), region));
        }
        request.exchange().expectStatus().isEqualTo(status);
    }

    private String lastIdNumber = "";

    private String idNumber() {
        lastIdNumber = SampleReports.newIdNumber();
        return lastIdNumber;
    }

    private String flaggedGrant(String village) {
        String grant = api.fileUrgent(village, "3000").at("/grant/id").asString();
        database.sql("update aid_grant set verification_status = 'FLAGGED' where id = :id").bind("id", UUID.fromString(grant))
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        return grant;
    }

    /** A task whose village coordinator let the SLA pass; with {@code exhausted}, nobody was left above either. */
    private String escalatedTask(String village, boolean exhausted) {
        String report = api.fileUrgent(village, null).get("id").asString();
        awaitTaskOf(report);
        return database.sql("update coordinator_task set escalations = 1, escalation_exhausted = :exhausted where report_id = :id returning id")
                .bind("exhausted", exhausted).bind("id", UUID.fromString(report))
                .map(row -> row.get("id", UUID.class).toString()).one().block(Duration.ofSeconds(10));
    }

    /** Tasks open when notification consumes the report's ReportFiled event. */
    private void awaitTaskOf(String reportId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> database.sql("select count(*) as n from coordinator_task where report_id = :id")
                .bind("id", UUID.fromString(reportId)).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10)) > 0);
    }

    private void ackTaskOf(String reportId) {
        awaitTaskOf(reportId);
        String task = database.sql("select id from coordinator_task where report_id = :id").bind("id", UUID.fromString(reportId))
                .map(row -> row.get("id", UUID.class).toString()).one().block(Duration.ofSeconds(10));
        web.post().uri("/api/v1/coordinator/tasks/" + task + "/ack")
                .header("Authorization", "Bearer " + tokens.issue("coord-" + VILLAGE, List.of(Role.COORDINATOR), VILLAGE))
                .exchange().expectStatus().isOk();
    }

    private long auditEventsBy(String actor) {
        return database.sql("select count(*) as n from audit_event where actor = :actor").bind("actor", actor)
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }

    private long auditEventsFor(String export) {
        return database.sql("select count(*) as n from audit_event where entity_type = 'export' and entity_id like :name and actor like 'supervisor-%'")
                .bind("name", export + "%").map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }

    private static String lineOf(String[] lines, String id) {
        return Stream.of(lines).filter(line -> line.contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + id));
    }

    private byte[] csv(Caller caller, String path) {
        // A county's export holds every report the suite filed there: far past the client's 64 KB default.
        return web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build()
                .get().uri(path).header("Authorization", caller.bearer()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody().returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec get(Caller caller, String path) {
        return web.get().uri(path).header("Authorization", caller.bearer()).exchange();
    }

    private JsonNode read(Caller caller, String path) {
        return json.readTree(get(caller, path).expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private void problem(WebTestClient.ResponseSpec response, int status, String type) {
        JsonNode problem = json.readTree(response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
        assertThat(problem.get("type").asString()).isEqualTo(type);
    }
}
