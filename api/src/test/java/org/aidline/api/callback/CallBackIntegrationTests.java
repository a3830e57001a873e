package org.aidline.api.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aidline.api.notification.Coordination;
import org.aidline.api.support.CaseSteps;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call-back (回访) after a report closes, on the villages of Yanchi (640323), which no other
 * test files to: the operators' queue, tries, the unreached item, and an unsatisfied answer that
 * reopens the report with a task of the next round, after which it closes and is called back again.
 */
@IntegrationTest
@Import(Coordination.class)
class CallBackIntegrationTests {

    static final String COUNTY = "640323";
    static final String VILLAGE = COUNTY + "001001";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Coordination coordination;

    @Autowired
    JsonMapper json;

    String supervisor;
    String operator;
    Tokens.Caller operatorCaller;

    @BeforeEach
    void staff() {
        supervisor = tokens.issue("sup-" + COUNTY, List.of(Role.SUPERVISOR), COUNTY);
        operatorCaller = tokens.staff(Role.OPERATOR, COUNTY);
        operator = operatorCaller.token();
    }

    @Test
    void anUnsatisfiedAnswerReopensTheReportWithANewTaskAndItIsCalledBackAgainOnceHandled() {
        // The county's figures before, to compare with after: only this class files to it, one test at a time.
        JsonNode before = statistics();
        String report = closedReport();
        JsonNode waiting = queueItemOf(report, operator);
        assertThat(waiting).as("in the operators' queue once closed").isNotNull();
        assertThat(waiting.path("closure").asInt()).isEqualTo(1);
        assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.path("maxTries").asInt()).as("the province default").isEqualTo(3);
        assertThat(waiting.path("href").asString()).isEqualTo("/api/v1/reports/" + report + "/call-back");
        assertThat(queueItemOf(report, supervisor)).as("the county's supervisor reads along").isNotNull();
        assertThat(queueItemOf(report, tokens.staff(Role.OPERATOR, "640104").token())).as("not another county's operators").isNull();

        JsonNode missed = callBack(report, operator, Map.of("reached", false, "note", "No answer at 10:05")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(missed.path("callBacks").get(0).path("callBack").path("tries").asInt()).isEqualTo(1);
        assertThat(missed.path("callBacks").get(0).path("callBack").path("status").asString()).isEqualTo("WAITING");

        callBack(report, operator, Map.of("reached", true, "satisfaction", "UNSATISFIED")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        JsonNode unsatisfied = callBack(report, operator, Map.of("reached", true, "satisfaction", "UNSATISFIED",
                "note", "The money came, but nobody visited the mother as promised.")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode answered = unsatisfied.path("callBacks").get(0);
        assertThat(answered.path("callBack").path("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.path("callBack").path("satisfaction").asString()).isEqualTo("UNSATISFIED");
        assertThat(answered.path("tries")).hasSize(2);
        assertThat(answered.path("tries").get(1).path("triedBy").asString()).isEqualTo(operatorCaller.subject());
        assertThat(queueItemOf(report, operator)).as("answered: out of the queue").isNull();

        JsonNode reopened = reportOf(report);
        assertThat(reopened.path("status").asString()).isEqualTo("REOPENED");
        assertThat(historyTypes(reopened)).containsSubsequence("CLOSED", "CALLED_BACK", "CALLED_BACK", "REOPENED");

        // The reopened report's village gets a task of round 2, assigned along the chain and pushed like any other.
        String secondTask = coordination.taskOf(report, 2);
        JsonNode second = coordination.task(supervisor, secondTask).path("task");
        assertThat(second.path("round").asInt()).isEqualTo(2);
        assertThat(second.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(second.path("clock").path("handleBy").isMissingNode() || second.path("clock").path("handleBy").isNull())
                .as("a handling deadline from the reopening").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> !coordination.notifications(secondTask).isEmpty());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> reportOf(report).path("status").asString().equals("REOPENED"));

        coordination.act(supervisor, secondTask, "ack", Map.of());
        coordination.act(supervisor, secondTask, "complete", Map.of("note", "Visited the mother with the township doctor."));
        await().atMost(Duration.ofSeconds(10)).until(() -> reportOf(report).path("status").asString().equals("CLOSED"));
        JsonNode again = queueItemOf(report, operator);
        assertThat(again).as("called back again after the second closing").isNotNull();
        assertThat(again.path("closure").asInt()).isEqualTo(2);

        callBack(report, operator, Map.of("reached", true, "satisfaction", "SATISFIED")).expectStatus().isOk();
        JsonNode history = web.get().uri("/api/v1/reports/{id}/call-backs", report).header("Authorization", "Bearer " + supervisor).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history.path("callBacks")).hasSize(2);
        assertThat(history.path("callBacks").get(1).path("callBack").path("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(reportOf(report).path("status").asString()).as("a satisfied answer leaves it closed").isEqualTo("CLOSED");

        // What supervisors and evaluators read: both answers, and both rounds' tasks signed for and handled in time.
        JsonNode after = statistics();
        assertThat(delta(before, after, "satisfaction", "answered")).isEqualTo(2);
        assertThat(delta(before, after, "satisfaction", "bySatisfaction", "UNSATISFIED")).isEqualTo(1);
        assertThat(delta(before, after, "satisfaction", "bySatisfaction", "SATISFIED")).isEqualTo(1);
        assertThat(after.path("satisfaction").path("rate").isNumber()).isTrue();
        assertThat(delta(before, after, "workOrders", "tasks")).isEqualTo(2);
        assertThat(delta(before, after, "workOrders", "signFor", "onTime")).isEqualTo(2);
        assertThat(delta(before, after, "workOrders", "handling", "onTime")).isEqualTo(2);
        assertThat(after.path("workOrders").path("handling").path("rate").isNumber()).isTrue();
    }

    JsonNode statistics() {
        return web.get().uri("/api/v1/statistics?county=" + COUNTY).header("Authorization", "Bearer " + supervisor).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static long delta(JsonNode before, JsonNode after, String... path) {
        JsonNode was = before;
        JsonNode is = after;
        for (String name : path) {
            was = was.path(name);
            is = is.path(name);
        }
        return is.asLong() - was.asLong();
    }

    @Test
    void threeUnreachedTriesCloseTheItemAndAFourthIsRefused() {
        String report = closedReport();
        for (int attempt = 1; attempt <= 3; attempt++) {
            callBack(report, operator, Map.of("reached", false)).expectStatus().isOk();
        }
        JsonNode item = web.get().uri("/api/v1/reports/{id}/call-backs", report).header("Authorization", "Bearer " + operator).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().path("callBacks").get(0);
        assertThat(item.path("callBack").path("status").asString()).isEqualTo("UNREACHED");
        assertThat(item.path("callBack").path("doneAt").isNull()).isFalse();
        assertThat(item.path("tries")).hasSize(3);
        assertThat(queueItemOf(report, operator)).isNull();
        callBack(report, operator, Map.of("reached", false)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");
        assertThat(reportOf(report).path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void onlyOperatorsOfTheRegionCallBackAndOnlyAClosedReportIsCalledBack() {
        String open = coordinationReport();
        callBack(open, operator, Map.of("reached", false)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");

        String report = closedReport();
        callBack(report, tokens.staff(Role.OPERATOR, "640104").token(), Map.of("reached", false)).expectStatus().isNotFound();
        for (String refused : List.of(supervisor, coordination.token("coord-" + VILLAGE, Role.COORDINATOR, VILLAGE),
                tokens.issue("aud-" + COUNTY, List.of(Role.AUDITOR), COUNTY), tokens.newCitizen().token())) {
            callBack(report, refused, Map.of("reached", false)).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
        }
        for (String refused : List.of(coordination.token("coord-" + VILLAGE, Role.COORDINATOR, VILLAGE), tokens.newCitizen().token(),
                tokens.hotlinePlatform().token())) {
            web.get().uri("/api/v1/call-backs").header("Authorization", "Bearer " + refused).exchange().expectStatus().isForbidden();
        }
        Map<String, Object> bothWays = new HashMap<>(Map.of("reached", false, "satisfaction", "SATISFIED"));
        callBack(report, operator, bothWays).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("satisfaction");
        callBack(report, operator, Map.of("reached", true)).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("satisfaction");
        callBack(report, operator, Map.of("satisfaction", "SATISFIED")).expectStatus().isBadRequest();
        callBack(report, operator, Map.of("reached", true, "satisfaction", "DELIGHTED")).expectStatus().isBadRequest();
        web.get().uri("/api/v1/call-backs?cursor=nonsense").header("Authorization", "Bearer " + operator).exchange().expectStatus().isBadRequest();
        assertThat(queueItemOf(report, operator).path("tries").asInt()).as("nothing refused was counted").isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A hotline report of the county (a caller's phone to call back), decided and its task completed: CLOSED. */
    String closedReport() {
        String report = coordinationReport();
        new CaseSteps(web, json).decide(report, supervisor);
        String task = coordination.taskOf(report);
        coordination.act(supervisor, task, "ack", Map.of());
        coordination.act(supervisor, task, "complete", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> reportOf(report).path("status").asString().equals("CLOSED"));
        return report;
    }

    String coordinationReport() {
        Map<String, Object> body = SampleReports.hotlineReport(VILLAGE, "13900139111");
        body.put("requestedAmount", 1000);
        SampleReports.subjectOf(body).put("idNumber", SampleReports.newIdNumber());
        return new Filings(web, json).fileByHotline(operatorCaller, body).path("id").asString();
    }

    WebTestClient.ResponseSpec callBack(String report, String bearer, Map<String, Object> body) {
        return web.post().uri("/api/v1/reports/{id}/call-back", report).header("Authorization", "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    JsonNode reportOf(String report) {
        return web.get().uri("/api/v1/reports/{id}", report).header("Authorization", "Bearer " + supervisor).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static List<String> historyTypes(JsonNode report) {
        List<String> types = new ArrayList<>();
        report.path("history").forEach(event -> types.add(event.path("type").asString()));
        return types;
    }

    /** The report's item in the call-back queue as the bearer reads it (pages followed), or null. */
    JsonNode queueItemOf(String report, String bearer) {
        String cursor = null;
        do {
            JsonNode page = web.get().uri("/api/v1/call-backs?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .header("Authorization", "Bearer " + bearer).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            for (JsonNode item : page.path("items")) {
                if (item.path("reportId").asString().equals(report)) {
                    return item;
                }
            }
            cursor = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asString();
        } while (cursor != null);
        return null;
    }
}
