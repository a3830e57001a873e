package org.aidline.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the coordinator notification tests do over and over: file a report in a village, act as
 * that village's coordinator, township or supervisor, and read the task and its notifications.
 * Tests use the villages of Zhongning county (640521), which no other test files to.
 */
@TestComponent
public class Coordination {

    public static final String COUNTY = "640521";

    private final WebTestClient web;
    private final Tokens tokens;
    private final DatabaseClient database;
    private final JsonMapper json;

    public Coordination(WebTestClient web, Tokens tokens, DatabaseClient database, JsonMapper json) {
        this.web = web;
        this.tokens = tokens;
        this.database = database;
        this.json = json;
    }

    /** Village {@code n} (1..100) of the county: its township is the n-th modulo 10. */
    public static String village(int n) {
        int township = (n - 1) % 10 + 1;
        int number = (n - 1) / 10 + 1;
        return COUNTY + String.format("%03d%03d", township, number);
    }

    public static String townshipOf(String village) {
        return village.substring(0, 9);
    }

    public String coordinatorOf(String village) {
        return tokens.issue("coord-" + village, List.of(Role.COORDINATOR), village);
    }

    public String townshipCoordinatorOf(String village) {
        return tokens.issue("twp-" + townshipOf(village), List.of(Role.COORDINATOR), townshipOf(village));
    }

    public String supervisor() {
        return tokens.issue("sup-" + COUNTY, List.of(Role.SUPERVISOR), COUNTY);
    }

    public String token(String subject, Role role, String region) {
        return tokens.issue(subject, List.of(role), region);
    }

    /** Files an urgent medical emergency in the village; answers the 201 body. */
    public JsonNode file(String village) {
        return file(village, true);
    }

    public JsonNode file(String village, boolean urgent) {
        return file(web, village, urgent);
    }

    /** Files through the given instance's client. */
    public JsonNode file(WebTestClient client, String village, boolean urgent) {
        Map<String, Object> body = SampleReports.selfReport();
        body.put("villageCode", village);
        body.put("urgent", urgent);
        return new Filings(client, json).file(tokens.newCitizen(), body);
    }

    /** The registration as answered, with the id that unregisters it. */
    public JsonNode registerDevice(String bearerToken, String provider, String deviceToken) {
        var answer = web.post().uri("/api/v1/devices")
                .header("Authorization", "Bearer " + bearerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("provider", provider, "token", deviceToken))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult();
        JsonNode device = json.readTree(answer.getResponseBody());
        // Where the device is removed (DELETE): the token itself stays out of URLs.
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/api/v1/devices/" + device.get("id").asString());
        return device;
    }

    /** The task the report opened (once notification has consumed its ReportFiled event), as the database has it. */
    public String taskOf(String reportId) {
        return taskOf(reportId, 1);
    }

    /** The report's task of that round (2, 3, ... after unsatisfied call-backs reopened it), once it is open. */
    public String taskOf(String reportId, int round) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> database.sql(
                        "select id from coordinator_task where report_id = :report and round = :round")
                .bind("report", UUID.fromString(reportId))
                .bind("round", round)
                .map(row -> row.get("id", UUID.class).toString())
                .one()
                .block(Duration.ofSeconds(10)), java.util.Objects::nonNull);
    }

    public JsonNode task(String bearerToken, String taskId) {
        return json.readTree(web.get().uri("/api/v1/coordinator/tasks/{id}", taskId)
                .header("Authorization", "Bearer " + bearerToken)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    public JsonNode act(String bearerToken, String taskId, String action, Object body) {
        return json.readTree(web.post().uri("/api/v1/coordinator/tasks/{id}/" + action, taskId)
                .header("Authorization", "Bearer " + bearerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    /** Statuses of the task's notifications by channel, e.g. ["PUSH:QUEUED", "SMS:QUEUED"], in creation order. */
    public List<String> notifications(String taskId) {
        return database.sql("select channel || ':' || status || ':' || recipient as line from notification "
                        + "where task_id = :task order by created_at, channel")
                .bind("task", UUID.fromString(taskId))
                .map(row -> row.get("line", String.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    public JsonNode readJson(byte[] body) {
        return json.readTree(body);
    }

    public Instant createdAt(JsonNode report) {
        return Instant.parse(report.get("createdAt").asString());
    }

    /**
     * What the outbox holds due now: what earlier test classes queued, until it is dispatched.
     * (Sweeps run at a test's future time queue notifications due then, not now.)
     */
    public long due() {
        return database.sql("select count(*) as due from notification "
                        + "where status in ('QUEUED', 'ERRORED', 'SENDING') and next_attempt_at <= now()")
                .map(row -> row.get("due", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }
}
