package org.aidline.api.hotline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aidline.api.notification.Coordination;
import org.aidline.api.support.CaseSteps;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 12345 exchange end to end, on the villages of Tongxin county (640324), which no other test
 * files to: work orders filed once per order number, and every status change of theirs delivered
 * to the platform's webhook (WireMock) signed, once, with retries, dead letters and a restart.
 */
@IntegrationTest
@Import(Coordination.class)
class PlatformExchangeIntegrationTests {

    static final String COUNTY = "640324";
    static final String VILLAGE = COUNTY + "001001";
    static final String WORK_ORDERS = "/api/v1/hotline/work-orders";
    static final String WEBHOOK = "/12345/status-changes";
    static final String SECRET = "the-12345-platform-shared-secret";

    @RegisterExtension
    static WireMockExtension platform = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        exchangeSettings().forEach((name, value) -> registry.add(name, () -> value));
    }

    static Map<String, String> exchangeSettings() {
        return Map.of(
                "aidline.platform-exchange.webhook-url", platform.baseUrl() + WEBHOOK,
                "aidline.platform-exchange.secret", SECRET,
                "aidline.platform-exchange.poll-interval", "PT0.2S",
                "aidline.platform-exchange.retry.base", "PT0.2S",
                "aidline.platform-exchange.retry.max", "PT0.4S",
                "aidline.platform-exchange.max-attempts", "3",
                "aidline.platform-exchange.timeout", "PT2S",
                "aidline.platform-exchange.lease", "PT5S");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Coordination coordination;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @Autowired
    @Qualifier("platformDispatching")
    SmartLifecycle dispatching;

    Tokens.Caller hotlinePlatform;
    String supervisor;

    @BeforeEach
    void platformTakesEverything() {
        platform.stubFor(post(urlEqualTo(WEBHOOK)).atPriority(10).willReturn(aResponse().withStatus(200)));
        hotlinePlatform = tokens.hotlinePlatform();
        supervisor = tokens.issue("sup-" + COUNTY, List.of(Role.SUPERVISOR), COUNTY);
    }

    @Test
    void anOrderPostedTwiceFilesOneReportAndEachOfItsChangesReachesThePlatformSignedOnce() {
        String order = newOrderNumber();
        Map<String, Object> body = workOrder(order);

        JsonNode first = created(fileOrder(body, null).expectHeader().doesNotExist("Idempotent-Replayed"));
        JsonNode again = created(fileOrder(body, null).expectHeader().valueEquals("Idempotent-Replayed", "true"));
        JsonNode withHeader = created(fileOrder(body, order));
        String report = first.path("id").asString();
        assertThat(again.path("id").asString()).isEqualTo(report);
        assertThat(withHeader.path("id").asString()).isEqualTo(report);
        assertThat(first.path("orderNumber").asString()).isEqualTo(order);
        assertThat(first.path("channel").asString()).isEqualTo("HOTLINE");
        assertThat(count("select count(*) from report where order_number = :order", order)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(order).contains("RECEIVED"));
        String task = coordination.taskOf(report);
        coordination.act(supervisor, task, "ack", Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(order).contains("SIGNED_FOR"));

        decide(report);
        coordination.act(supervisor, task, "complete", Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(order).contains("CLOSED"));
        // Held a while longer: nothing is sent twice, and nothing else for this order.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> changesOf(order).equals(List.of("RECEIVED", "SIGNED_FOR", "DECIDED", "CLOSED")));

        List<LoggedRequest> requests = requestsOf(order);
        for (LoggedRequest request : requests) {
            assertSigned(request);
            JsonNode sent = json.readTree(request.getBodyAsString());
            assertThat(sent.path("reportReference").asString()).isEqualTo(first.path("reference").asString());
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(sent.path("id").asString());
            assertThat(Instant.parse(sent.path("at").asString())).isNotNull();
        }
        JsonNode received = json.readTree(requests.get(0).getBodyAsString());
        assertThat(received.path("details").path("triage").asString()).isEqualTo("STANDARD");
        JsonNode closed = json.readTree(requests.get(3).getBodyAsString());
        assertThat(closed.path("details").path("previousStatus").asString()).isEqualTo("DECIDED");
        assertThat(requests.stream().map(request -> json.readTree(request.getBodyAsString()).path("id").asString()).distinct()).hasSize(4);
    }

    @Test
    void theCallBackResultsReachThePlatformAndAnUnsatisfiedOneReopensTheOrder() {
        String order = newOrderNumber();
        String report = created(fileOrder(workOrder(order), null)).path("id").asString();
        String task = coordination.taskOf(report);
        coordination.act(supervisor, task, "ack", Map.of());
        decide(report);
        coordination.act(supervisor, task, "complete", Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(order).contains("CLOSED"));

        String operator = tokens.issue("op-" + COUNTY, List.of(Role.OPERATOR), COUNTY);
        for (Map<String, Object> call : List.of(Map.<String, Object>of("reached", false),
                Map.<String, Object>of("reached", true, "satisfaction", "UNSATISFIED", "note", "Nobody came back about the roof."))) {
            web.post().uri("/api/v1/reports/{id}/call-back", report).header("Authorization", "Bearer " + operator)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(call).exchange().expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(order).contains("REOPENED"));
        // The last call's two changes (its result and the reopening) are queued together and may arrive either way round.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> changesOf(order).size() == 7);
        assertThat(changesOf(order).subList(0, 5)).containsExactly("RECEIVED", "SIGNED_FOR", "DECIDED", "CLOSED", "CALL_BACK");
        assertThat(changesOf(order).subList(5, 7)).containsExactlyInAnyOrder("CALL_BACK", "REOPENED");
        List<JsonNode> callBacks = requestsOf(order).stream().map(request -> json.readTree(request.getBodyAsString()))
                .filter(sent -> sent.path("change").asString().equals("CALL_BACK")).toList();
        assertThat(callBacks.get(0).path("details").path("reached").asBoolean()).isFalse();
        assertThat(callBacks.get(0).path("details").path("callBackStatus").asString()).isEqualTo("WAITING");
        assertThat(callBacks.get(1).path("details").path("satisfaction").asString()).isEqualTo("UNSATISFIED");
        assertThat(callBacks.get(1).path("details").path("reopened").asBoolean()).isTrue();
        requestsOf(order).forEach(PlatformExchangeIntegrationTests::assertSigned);
    }

    @Test
    void theOrdersLinkAndEachDeliveryWithItsOutcomeAreInTheCountysAuditTrail() {
        String order = newOrderNumber();
        created(fileOrder(workOrder(order), order));
        await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(order).contains("RECEIVED"));

        assertThat(count("select count(*) from audit_event where entity_type = 'platform_work_order' and entity_id = :order "
                + "and action = 'INSERT' and county_code = '" + COUNTY + "'", order)).isEqualTo(1);
        // Queued (INSERT), then claimed and delivered (UPDATEs), each filed under the order's county.
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from audit_event where entity_type = 'platform_delivery' "
                + "and after ->> 'order_number' = :order and after ->> 'status' = 'DELIVERED' and county_code = '" + COUNTY + "'", order) >= 1);
        assertThat(count("select count(*) from audit_event where entity_type = 'platform_delivery' and action = 'INSERT' "
                + "and after ->> 'order_number' = :order and after ->> 'change' = 'RECEIVED' and county_code = '" + COUNTY + "'", order))
                .isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyOtherThanTheOrderNumberOrAnotherBodyUnderTheSameNumberIsAProblem() {
        String order = newOrderNumber();
        fileOrder(workOrder(order), "not-" + order).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-mismatch");
        assertThat(count("select count(*) from report where order_number = :order", order)).isZero();

        created(fileOrder(workOrder(order), null));
        Map<String, Object> amended = workOrder(order);
        amended.put("description", "另一份内容 " + UUID.randomUUID());
        fileOrder(amended, null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused");
        fileOrder(Map.of("orderNumber", "bad number!"), null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        assertThat(count("select count(*) from report where order_number = :order", order)).isEqualTo(1);
    }

    @Test
    void theSameOrderFromAnotherOfThePlatformsClientsIsAnsweredWithTheFirstReport() {
        String order = newOrderNumber();
        Map<String, Object> body = workOrder(order);
        String report = created(fileOrder(body, null)).path("id").asString();

        // Another client id: no receipt of its own matches, the unique order number does.
        Tokens.Caller otherClient = tokens.hotlinePlatform();
        JsonNode answered = created(web.post().uri(WORK_ORDERS).header("Authorization", otherClient.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectHeader().valueEquals("Idempotent-Replayed", "true"));

        assertThat(answered.path("id").asString()).isEqualTo(report);
        assertThat(count("select count(*) from report where order_number = :order", order)).isEqualTo(1);
    }

    @Test
    void aWebhookAnswering500IsTriedAgainAndTheChangeDeliveredOnce() {
        String order = newOrderNumber();
        platform.stubFor(post(urlEqualTo(WEBHOOK)).atPriority(1).withRequestBody(matchingJsonPath("$.orderNumber", equalTo(order)))
                .inScenario(order).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500)));
        platform.stubFor(post(urlEqualTo(WEBHOOK)).atPriority(1).withRequestBody(matchingJsonPath("$.orderNumber", equalTo(order)))
                .inScenario(order).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));

        created(fileOrder(workOrder(order), null));

        await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(statusOf(order, "RECEIVED")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> requestsOf(order).size() == 2);
        List<LoggedRequest> requests = requestsOf(order);
        assertThat(requests.get(0).getBodyAsString()).as("the same change, the same body").isEqualTo(requests.get(1).getBodyAsString());
        assertThat(count("select attempts from platform_delivery where order_number = :order and change = 'RECEIVED'", order)).isEqualTo(2);
    }

    @Test
    void aRefusedChangeIsADeadLetterThatOnlyASupervisorOfItsRegionSeesAndSendsAgain() {
        String order = newOrderNumber();
        platform.stubFor(post(urlEqualTo(WEBHOOK)).atPriority(1).withRequestBody(matchingJsonPath("$.orderNumber", equalTo(order)))
                .willReturn(aResponse().withStatus(400)));
        created(fileOrder(workOrder(order), null));
        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(statusOf(order, "RECEIVED")));
        assertThat(requestsOf(order)).as("a refusal is not tried again").hasSize(1);

        JsonNode dead = deadLetterOf(order, supervisor);
        assertThat(dead).as("listed for the county's supervisor").isNotNull();
        assertThat(dead.path("change").asString()).isEqualTo("RECEIVED");
        assertThat(dead.path("lastResponse").asString()).isEqualTo("HTTP 400");
        String province = tokens.issue("sup-640000", List.of(Role.SUPERVISOR), "640000");
        assertThat(deadLetterOf(order, province)).as("and the province's").isNotNull();
        String otherCounty = tokens.issue("sup-640104", List.of(Role.SUPERVISOR), "640104");
        assertThat(deadLetterOf(order, otherCounty)).as("not another county's").isNull();
        web.post().uri("/api/v1/hotline/deliveries/{id}/retry", dead.path("id").asString()).header("Authorization", "Bearer " + otherCounty)
                .exchange().expectStatus().isNotFound();

        for (String refused : List.of(tokens.newCitizen().token(), tokens.issue("op-x", List.of(Role.OPERATOR), COUNTY),
                tokens.issue("coord-x", List.of(Role.COORDINATOR), VILLAGE), tokens.issue("aud-x", List.of(Role.AUDITOR), COUNTY),
                hotlinePlatform.token(), tokens.partner("CHARITY_FEDERATION"))) {
            web.get().uri("/api/v1/hotline/deliveries?status=FAILED").header("Authorization", "Bearer " + refused).exchange()
                    .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith("application/problem+json");
            web.post().uri("/api/v1/hotline/deliveries/{id}/retry", dead.path("id").asString()).header("Authorization", "Bearer " + refused)
                    .exchange().expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith("application/problem+json");
        }
        web.post().uri(WORK_ORDERS).header("Authorization", "Bearer " + supervisor).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(workOrder(newOrderNumber())).exchange().expectStatus().isForbidden();

        platform.stubFor(post(urlEqualTo(WEBHOOK)).atPriority(1).withRequestBody(matchingJsonPath("$.orderNumber", equalTo(order)))
                .willReturn(aResponse().withStatus(200)));
        web.post().uri("/api/v1/hotline/deliveries/{id}/retry", dead.path("id").asString()).header("Authorization", "Bearer " + supervisor)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(statusOf(order, "RECEIVED")));
        web.post().uri("/api/v1/hotline/deliveries/{id}/retry", dead.path("id").asString()).header("Authorization", "Bearer " + supervisor)
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");
        assertThat(deadLetterOf(order, supervisor)).isNull();
        assertThat(requestsOf(order)).hasSize(2);
    }

    @Test
    void changesPendingWhenTheInstanceStopsAreDeliveredOnceByTheNextOne() {
        dispatching.stop();
        try {
            String order = newOrderNumber();
            String report = created(fileOrder(workOrder(order), null)).path("id").asString();
            await().atMost(Duration.ofSeconds(15)).until(() -> "PENDING".equals(statusOf(order, "RECEIVED")));
            coordination.act(supervisor, coordination.taskOf(report), "ack", Map.of());
            // As an instance killed while sending leaves its claim: taken again once the lease is over.
            database.sql("update platform_delivery set claim = gen_random_uuid(), attempts = attempts + 1, "
                            + "next_attempt_at = now() + interval '1 second' where order_number = :order and change = 'RECEIVED'")
                    .bind("order", order).fetch().rowsUpdated().block(Duration.ofSeconds(10));
            assertThat(requestsOf(order)).as("nothing sent while stopped").isEmpty();

            try (SecondInstance next = SecondInstance.sharing(environment, settings())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> changesOf(order).size() == 2);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> changesOf(order).equals(List.of("RECEIVED", "SIGNED_FOR")));
            }
            requestsOf(order).forEach(PlatformExchangeIntegrationTests::assertSigned);
        } finally {
            dispatching.start();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    static String[] settings() {
        return exchangeSettings().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
    }

    static String newOrderNumber() {
        return "NX12345-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static Map<String, Object> workOrder(String orderNumber) {
        Map<String, Object> body = SampleReports.hotlineReport(VILLAGE, "13900139000");
        body.put("orderNumber", orderNumber);
        body.put("requestedAmount", 1000);
        // Known on the call: the case's steps need it, and the household is one no other test files for.
        SampleReports.subjectOf(body).put("idNumber", SampleReports.newIdNumber());
        return body;
    }

    WebTestClient.ResponseSpec fileOrder(Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.post().uri(WORK_ORDERS).header("Authorization", hotlinePlatform.bearer());
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    JsonNode created(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectStatus().isCreated().expectBody().returnResult().getResponseBody());
    }

    /** The changes the platform took (2xx) for this order, in the order they came. */
    List<String> changesOf(String order) {
        return platform.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 200)
                .map(event -> event.getRequest())
                .filter(request -> order.equals(json.readTree(request.getBodyAsString()).path("orderNumber").asString()))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .map(request -> json.readTree(request.getBodyAsString()).path("change").asString())
                .toList();
    }

    /** Every request sent for this order, whatever the answer, oldest first. */
    List<LoggedRequest> requestsOf(String order) {
        return platform.findAll(postRequestedFor(urlEqualTo(WEBHOOK)).withRequestBody(matchingJsonPath("$.orderNumber", equalTo(order))))
                .stream().sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    /** What the platform would check: the HMAC-SHA256 of "t.body" with the shared secret, and a recent t. */
    static void assertSigned(LoggedRequest request) {
        String header = request.getHeader("X-Aidline-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String timestamp = header.substring(2, header.indexOf(','));
        String signature = header.substring(header.indexOf("v1=") + 3);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).as("fresh").isLessThan(300);
        assertThat(signature).isEqualTo(hmac(timestamp + "." + new String(request.getBody(), StandardCharsets.UTF_8)));
    }

    static String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String statusOf(String order, String change) {
        return database.sql("select status from platform_delivery where order_number = :order and change = :change")
                .bind("order", order).bind("change", change).map(row -> row.get("status", String.class)).one()
                .block(Duration.ofSeconds(10));
    }

    long count(String sql, String order) {
        return database.sql(sql).bind("order", order).map(row -> ((Number) row.get(0)).longValue()).one().block(Duration.ofSeconds(10));
    }

    JsonNode deadLetterOf(String order, String bearer) {
        JsonNode page = json.readTree(web.get().uri("/api/v1/hotline/deliveries?status=FAILED&limit=100").header("Authorization", "Bearer " + bearer)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        for (JsonNode item : page.path("items")) {
            if (item.path("orderNumber").asString().equals(order)) {
                return item;
            }
        }
        return null;
    }

    void decide(String report) {
        new CaseSteps(web, json).decide(report, supervisor);
    }
}
