package org.aidline.api.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.api.support.Filings;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the matrix points at, made once through the API (and by SQL only where the state
 * comes from outside systems: a dead letter, a registry's flag): the same set of resources in the
 * callers' own region and in another one, and the callers themselves.
 */
final class MatrixWorld {

    static final String OWN_COUNTY = "640104";
    static final String OWN_VILLAGE = "640104010010";
    static final String OTHER_COUNTY = "640521";
    static final String OTHER_VILLAGE = "640521010010";

    /**
     * Who calls: the seven roles, each in the own region (the citizen is the one who filed the own
     * reports), a supervisor of the own village's township beside the county's, and nobody.
     */
    enum Caller {
        CITIZEN, OPERATOR, COORDINATOR, SUPERVISOR, TOWNSHIP_SUPERVISOR, AUDITOR, PAYMENT_GATEWAY, MONITOR, HOTLINE_PLATFORM, REGISTRY_FEED,
        ANONYMOUS
    }

    /** Which resource a cell targets: the caller's own (region), or another's. */
    enum Scope {
        OWN, OTHER
    }

    /** One region's resources; the own and the other side are made alike. */
    record Side(String county, String village, String citizen, String reportId, String grantId, String paymentId,
            String taskId, String visitTaskId, String completeTaskId, String sendBackTaskId, String deadLetterId, String retryDeadLetterId,
            String coordinatorDeviceId, OrdinaryCase ordinaryCase) {
    }

    /**
     * An ordinary case whose steps are all done (an objection raised and dismissed, the notice over),
     * so that each step asked again is refused (409) and a decision on a stale version too (412);
     * and a township's decision the county has seen, so that reviewing it again is refused.
     */
    record OrdinaryCase(String reportId, String objectionId, String filedDecisionId, String answeredReferralId) {

        /** The partner the case is referred to, unanswered: referring it there again is refused. */
        static final String REFERRED_TO = "MEDICAL_INSURANCE";
    }

    final Side own;
    final Side other;
    /** The subject phone of both sides' first report: a phone search must find only the own one. */
    final String phone;
    /** Before anything of the world was booked: the ledger is read from here. */
    final Instant startedAt;
    /** Per staff caller with devices: a device to list and one to unregister. */
    final Map<Caller, String> listedDeviceIds = new EnumMap<>(Caller.class);
    final Map<Caller, String> removableDeviceIds = new EnumMap<>(Caller.class);

    private final WebTestClient web;
    private final Tokens tokens;
    private final JsonMapper json;
    private final DatabaseClient database;
    private final Filings filings;
    private final Map<Caller, String> bearers = new EnumMap<>(Caller.class);
    private final Map<Scope, String> registryImports = new EnumMap<>(Scope.class);

    MatrixWorld(WebTestClient web, Tokens tokens, JsonMapper json, DatabaseClient database) {
        this.web = web;
        this.tokens = tokens;
        this.json = json;
        this.database = database;
        this.filings = new Filings(web, json);
        this.startedAt = Instant.now().minus(Duration.ofMinutes(1));
        this.phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        this.own = side(OWN_COUNTY, OWN_VILLAGE);
        this.other = side(OTHER_COUNTY, OTHER_VILLAGE);
        issueCallers();
        for (Caller staff : List.of(Caller.COORDINATOR, Caller.SUPERVISOR, Caller.TOWNSHIP_SUPERVISOR)) {
            listedDeviceIds.put(staff, registerDevice(bearerOf(staff), "matrix-listed-" + UUID.randomUUID()).get("id").asString());
            removableDeviceIds.put(staff, registerDevice(bearerOf(staff), "matrix-removable-" + UUID.randomUUID()).get("id").asString());
        }
    }

    Side side(Scope scope) {
        return scope == Scope.OWN ? own : other;
    }

    /** The caller's Authorization header; null for ANONYMOUS. */
    @Nullable String bearerOf(Caller caller) {
        return bearers.get(caller);
    }

    String subjectOf(Caller caller) {
        return switch (caller) {
            case CITIZEN -> own.citizen();
            case COORDINATOR -> "coord-" + OWN_VILLAGE;
            case SUPERVISOR -> "sup-" + OWN_COUNTY;
            case TOWNSHIP_SUPERVISOR -> "twpsup-" + OWN_VILLAGE.substring(0, 9);
            default -> "matrix-" + caller.name().toLowerCase();
        };
    }

    private void issueCallers() {
        bearers.put(Caller.CITIZEN, bearer(subjectOf(Caller.CITIZEN), Role.CITIZEN, null));
        bearers.put(Caller.OPERATOR, bearer(subjectOf(Caller.OPERATOR), Role.OPERATOR, OWN_COUNTY));
        // The seeded coordinator and supervisor: tasks are assigned to them, and they are on the staff list.
        bearers.put(Caller.COORDINATOR, bearer(subjectOf(Caller.COORDINATOR), Role.COORDINATOR, OWN_VILLAGE));
        bearers.put(Caller.SUPERVISOR, bearer(subjectOf(Caller.SUPERVISOR), Role.SUPERVISOR, OWN_COUNTY));
        // The supervisor of the own village's township: decides its ordinary cases within the township's cap.
        bearers.put(Caller.TOWNSHIP_SUPERVISOR, bearer(subjectOf(Caller.TOWNSHIP_SUPERVISOR), Role.SUPERVISOR, OWN_VILLAGE.substring(0, 9)));
        bearers.put(Caller.AUDITOR, bearer(subjectOf(Caller.AUDITOR), Role.AUDITOR, OWN_COUNTY));
        bearers.put(Caller.PAYMENT_GATEWAY, bearer(subjectOf(Caller.PAYMENT_GATEWAY), Role.PAYMENT_GATEWAY, null));
        bearers.put(Caller.MONITOR, bearer(subjectOf(Caller.MONITOR), Role.MONITOR, OWN_COUNTY));
        // The provincial 12345 platform: a machine client of the whole province, with no region of its own.
        bearers.put(Caller.HOTLINE_PLATFORM, bearer(subjectOf(Caller.HOTLINE_PLATFORM), Role.HOTLINE_PLATFORM, null));
        // The departments' registry feed: a machine client of the whole province, with no region of its own.
        bearers.put(Caller.REGISTRY_FEED, bearer(subjectOf(Caller.REGISTRY_FEED), Role.REGISTRY_FEED, null));
    }

    private String bearer(String subject, Role role, @Nullable String region) {
        return "Bearer " + tokens.issue(subject, List.of(role), region);
    }

    private Side side(String county, String village) {
        String citizen = "citizen-matrix-" + UUID.randomUUID();
        JsonNode first = file(citizen, village, phone);
        String reportId = first.get("id").asString();
        String grantId = first.at("/grant/id").asString();
        assertThat(grantId).as("the fixture report in %s is fast-tracked with a grant", village).isNotBlank();
        String taskId = taskOf(reportId);
        String visitTaskId = taskOf(file(citizen, village, null).get("id").asString());
        String completeTaskId = taskOf(file(citizen, village, null).get("id").asString());
        // Its coordinator sends it back (the one cell that may); no other cell uses it.
        String sendBackTaskId = taskOf(file(citizen, village, null).get("id").asString());
        String paymentId = one("select id from payment_instruction where grant_id = :id", grantId);
        // Dead letters only come from providers refusing for good; notifications do not dispatch in tests.
        String deadLetterId = failNotificationOf(taskId);
        String retryDeadLetterId = failNotificationOf(visitTaskId);
        // A registry's finding likewise comes from outside.
        database.sql("update aid_grant set verification_status = 'FLAGGED' where id = :id")
                .bind("id", UUID.fromString(grantId)).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        String coordinator = "coord-" + village;
        String deviceId = registerDevice("Bearer " + tokens.issue(coordinator, List.of(Role.COORDINATOR), village),
                "matrix-" + village + "-" + UUID.randomUUID()).get("id").asString();
        return new Side(county, village, citizen, reportId, grantId, paymentId, taskId, visitTaskId, completeTaskId, sendBackTaskId,
                deadLetterId, retryDeadLetterId, deviceId, ordinaryCase(county, village, citizen));
    }

    private OrdinaryCase ordinaryCase(String county, String village, String citizen) {
        String township = village.substring(0, 9);
        String coordinator = bearer("coord-" + village, Role.COORDINATOR, village);
        String supervisor = bearer("sup-" + county, Role.SUPERVISOR, county);
        String townshipSupervisor = bearer("twpsup-" + township, Role.SUPERVISOR, township);
        String operator = bearer("op-" + county, Role.OPERATOR, county);

        String reportId = filings.file(bearer(citizen, Role.CITIZEN, null), SampleReports.standardReport(village, 1000)).get("id").asString();
        stepsBeforeNotice(reportId, coordinator);
        // Posted a day ago less six seconds: objections are raised in its last moments, then it is over.
        caseAction(reportId, "notice", supervisor, Map.of("days", 1, "postedAt", Instant.now().minus(Duration.ofDays(1)).plusSeconds(6).toString()));
        JsonNode objected = caseAction(reportId, "objections", operator, Map.of("statement", "region matrix"));
        String objectionId = objected.at("/objections/0/id").asString();
        caseAction(reportId, "objections/" + objectionId + "/resolution", supervisor,
                Map.of("outcome", "DISMISSED", "resolution", "region matrix"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> json.readTree(web.get()
                        .uri("/api/v1/reports/{id}/case", reportId).header("Authorization", supervisor).exchange()
                        .expectBody().returnResult().getResponseBody()).at("/steps/2/state").asString().equals("DONE"));

        String decidedId = filings.file(bearer(citizen, Role.CITIZEN, null), SampleReports.standardReport(village, 1000)).get("id").asString();
        stepsBeforeNotice(decidedId, coordinator);
        int version = caseAction(decidedId, "notice", supervisor,
                Map.of("days", 1, "postedAt", Instant.now().minus(Duration.ofDays(2)).toString())).get("version").asInt();
        JsonNode decided = json.readTree(web.post().uri("/api/v1/reports/{id}/decision", decidedId).header("Authorization", townshipSupervisor)
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "GRANT", "amount", 1000)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        String filedDecisionId = decided.at("/decision/id").asString();
        web.post().uri("/api/v1/supervision/filed-decisions/{id}/review", filedDecisionId).header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("filing", "SEEN", "note", "region matrix")).exchange()
                .expectStatus().isOk();
        caseAction(reportId, "referrals", supervisor, Map.of("to", OrdinaryCase.REFERRED_TO, "reason", "region matrix"));
        String answeredReferralId = caseAction(reportId, "referrals", supervisor, Map.of("to", "EDUCATION", "reason", "region matrix"))
                .get("id").asString();
        json.readTree(web.post().uri("/api/v1/referrals/{id}/answer", answeredReferralId).header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "DECLINED", "note", "region matrix")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        return new OrdinaryCase(reportId, objectionId, filedDecisionId, answeredReferralId);
    }

    private void stepsBeforeNotice(String reportId, String coordinator) {
        caseAction(reportId, "investigation", coordinator, Map.of("findings", "region matrix", "householdSituation", "region matrix"));
        caseAction(reportId, "means-test", coordinator, null);
    }

    private JsonNode caseAction(String reportId, String action, String bearer, @Nullable Object body) {
        var request = web.post().uri("/api/v1/reports/" + reportId + "/" + action).header("Authorization", bearer);
        var response = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return json.readTree(response.expectStatus().is2xxSuccessful().expectBody().returnResult().getResponseBody());
    }



    /** An urgent medical emergency of a household of its own: fast-tracked, granted, a payment and a task. */
    private JsonNode file(String citizen, String village, @Nullable String subjectPhone) {
        Map<String, Object> body = SampleReports.selfReport();
        body.put("villageCode", village);
        if (subjectPhone != null) {
            SampleReports.subjectOf(body).put("phone", subjectPhone);
        }
        return filings.file(bearer(citizen, Role.CITIZEN, null), body);
    }

    private String taskOf(String reportId) {
        // The task opens when notification consumes the report's ReportFiled event.
        await().atMost(Duration.ofSeconds(10)).until(() -> database.sql("select count(*) as n from coordinator_task where report_id = :id")
                .bind("id", UUID.fromString(reportId)).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10)) > 0);
        String assignee = one("select assignee from coordinator_task where report_id = :id", reportId);
        String village = one("select village_code from coordinator_task where report_id = :id", reportId);
        assertThat(assignee).as("the task of a fixture report is its village coordinator's").isEqualTo("coord-" + village);
        return one("select id from coordinator_task where report_id = :id", reportId);
    }

    private String failNotificationOf(String taskId) {
        String id = one("select id from notification where task_id = :id order by created_at limit 1", taskId);
        database.sql("update notification set status = 'FAILED', failed_at = now(), last_response = 'matrix: refused for good' where id = :id")
                .bind("id", UUID.fromString(id)).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        return id;
    }

    private JsonNode registerDevice(@Nullable String bearer, String token) {
        return json.readTree(web.post().uri("/api/v1/devices").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("provider", "FCM", "token", token))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
    }

    /** A report's reference, by which Open311 names it. */
    String referenceOf(String reportId) {
        return one("select reference from report where id = :id", reportId);
    }

    /**
     * A registry import of the scope's township (made once, on first use), by that township's supervisor: its
     * county's supervisor and the township's see it, the other region's do not.
     */
    String registryImportId(Scope scope) {
        return registryImports.computeIfAbsent(scope, side -> {
            String township = side(side).village().substring(0, 9);
            String csv = "name,idNumber,villageCode,programme,monthlyAmount\n马建国," + SampleReports.newIdNumber() + ","
                    + side(side).village() + ",MINIMUM_LIVING,780.00\n";
            JsonNode summary = web.post().uri("/api/v1/registry/imports")
                    .header("Authorization", bearer("twpsup-" + township, Role.SUPERVISOR, township))
                    .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv)
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            return summary.get("id").asString();
        });
    }

    private String one(String sql, String id) {
        Object value = database.sql(sql).bind("id", UUID.fromString(id)).map(row -> row.get(0)).one().block(Duration.ofSeconds(10));
        assertThat(value).as(sql).isNotNull();
        return value.toString().strip();
    }
}
