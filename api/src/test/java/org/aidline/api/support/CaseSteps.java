package org.aidline.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An ordinary case's steps over HTTP, as a county supervisor takes them, up to its decision. */
public final class CaseSteps {

    private final WebTestClient web;
    private final JsonMapper json;

    public CaseSteps(WebTestClient web, JsonMapper json) {
        this.web = web;
        this.json = json;
    }

    /** The steps of the county's default policy, then its decision (GRANT 1,000 yuan): the report is DECIDED. */
    public void decide(String report, String supervisor) {
        act(report, supervisor, "investigation", Map.of("findings", "Visited: no income since October", "householdSituation", "Three persons",
                "recommendedAmount", 1000));
        act(report, supervisor, "means-test", null);
        JsonNode noticed = act(report, supervisor, "notice", Map.of("days", 5, "postedAt", Instant.now().minus(Duration.ofDays(6)).toString()));
        web.post().uri("/api/v1/reports/{id}/decision", report).header("Authorization", "Bearer " + supervisor)
                .header("If-Match", "\"" + noticed.path("version").asInt() + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "GRANT", "amount", 1000, "basis", "County temporary assistance measures, art. 7")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DECIDED");
    }

    /** One step of the case, which must answer 200; answers its body. */
    public JsonNode act(String report, String supervisor, String action, Object body) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/v1/reports/{id}/" + action, report).header("Authorization", "Bearer " + supervisor);
        WebTestClient.ResponseSpec response = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        byte[] answer = response.expectBody().returnResult().getResponseBody();
        response.expectStatus().value(status -> assertThat(status).as(action + ": " + new String(answer, StandardCharsets.UTF_8)).isEqualTo(200));
        return json.readTree(answer);
    }
}
