package org.aidline.api.review;

import static org.aidline.api.support.Supervising.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Supervising;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The county supervisor confirms, adjusts or revokes a fast-track grant; the ledger and the payment instructions follow exactly. */
@IntegrationTest
class GrantReviewIntegrationTests {

    static final String COUNTY = "640105";
    static final String VILLAGE = "640105002003";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    Supervising api;
    Caller supervisor;

    @BeforeEach
    void setUp() {
        api = new Supervising(web, tokens, json, database);
        supervisor = api.supervisor(COUNTY);
    }

    String grantOf(String requestedYuan) {
        JsonNode report = api.fileUrgent(VILLAGE, requestedYuan);
        assertThat(report.at("/grant/status").asString()).isEqualTo("AWAITING_DOCUMENTS");
        return report.at("/grant/id").asString();
    }

    @Test
    void confirmingConfirmsTheGrantBooksNothingMoreAndRecordsWhoAndWhy() {
        JsonNode report = api.fileUrgent(VILLAGE, "1000.00");
        String grant = report.at("/grant/id").asString();

        JsonNode reviewed = api.body(api.review(supervisor, grant, decision("CONFIRM", null, "Bills and diagnosis in order"), null), 200);

        assertThat(reviewed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(reviewed.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(reviewed.get("version").asInt()).isEqualTo(1);
        assertThat(api.ledger(grant, "GRANT")).containsExactly(100_000L);
        assertThat(api.ledger(grant, "ADJUSTMENT")).isEmpty();
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(100_000L);
        assertThat(api.instructions(grant, "RECOVERY")).isEmpty();
        JsonNode history = api.report(report.get("id").asString(), COUNTY).get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("REVIEWED");
        assertThat(last.get("actor").asString()).isEqualTo(supervisor.subject());
        assertThat(last.at("/detail/outcome").asString()).isEqualTo("CONFIRM");
        assertThat(last.at("/detail/reason").asString()).isEqualTo("Bills and diagnosis in order");
        assertThat(last.at("/detail/supervisor").asString()).isEqualTo(supervisor.subject());
    }

    @Test
    void adjustingUpBooksTheDifferenceAndIssuesAPaymentForIt() {
        String grant = grantOf("1000.00");

        JsonNode reviewed = api.body(api.review(supervisor, grant, decision("ADJUST", "1500.25", "Further bills"), null), 200);

        assertThat(reviewed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(reviewed.get("amount").decimalValue()).isEqualByComparingTo("1500.25");
        assertThat(reviewed.get("paidOrBeingPaid").decimalValue()).isEqualByComparingTo("1500.25");
        assertThat(api.ledger(grant, "ADJUSTMENT")).containsExactly(50_025L);
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(100_000L, 50_025L);
        assertThat(api.amountFen(grant)).isEqualTo(150_025L);
        Map<String, Object> instruction = database.sql("select reference_id, id::text as id, status, attempts, next_attempt_at <= now() as due "
                        + "from payment_instruction where grant_id = :grant and amount_fen = 50025")
                .bind("grant", java.util.UUID.fromString(grant)).fetch().one().block();
        assertThat(instruction.get("reference_id")).isEqualTo(instruction.get("id"));
        assertThat(instruction).containsEntry("status", "PENDING").containsEntry("attempts", 0).containsEntry("due", true);
    }

    @Test
    void adjustingDownBooksTheNegativeDifferenceAndRecoversIt() {
        String grant = grantOf("1000.00");

        JsonNode reviewed = api.body(api.review(supervisor, grant, decision("ADJUST", "400", "Only 400 yuan of bills"), null), 200);

        assertThat(reviewed.get("amount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(api.ledger(grant, "ADJUSTMENT")).containsExactly(-60_000L);
        assertThat(api.instructions(grant, "RECOVERY")).containsExactly(60_000L);
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(100_000L);
    }

    @Test
    void adjustingDownRecoversOnlyWhatWasPaidOrIsBeingPaid() {
        String grant = grantOf("1000.00");
        // The gateway gave up on the payment: no money left, so none is clawed back.
        api.execute("update payment_instruction set status = 'FAILED' where grant_id = :grant", grant);

        JsonNode reviewed = api.body(api.review(supervisor, grant, decision("ADJUST", "400", "Only 400 yuan of bills"), null), 200);

        assertThat(reviewed.get("paidOrBeingPaid").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.ledger(grant, "ADJUSTMENT")).containsExactly(-60_000L);
        assertThat(api.instructions(grant, "RECOVERY")).isEmpty();
    }

    @Test
    void revokingBooksTheRevocationRecoversWhatWasPaidAndNoLongerCountsAgainstTheHouseholdsWindow() {
        String idNumber = org.aidline.api.support.SampleReports.newIdNumber();
        JsonNode report = api.fileUrgent(VILLAGE, "3000.50", idNumber);
        String grant = report.at("/grant/id").asString();

        JsonNode revoked = api.body(api.review(supervisor, grant, decision("REVOKE", null, "Not in hardship: deposits found"), null), 200);

        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(revoked.get("awaitingApproval").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.amountFen(grant)).isZero();
        assertThat(api.ledger(grant, "REVOCATION")).containsExactly(-240_000L);
        assertThat(api.instructions(grant, "RECOVERY")).containsExactly(240_000L);
        // A revoked grant no longer counts against the household's one grant per window.
        JsonNode again = api.fileUrgent(VILLAGE, "500", idNumber);
        assertThat(again.at("/triage/decision").asString()).isIn("FAST_TRACK", "DUPLICATE");
        assertThat(again.at("/triage/reasons").toString()).doesNotContain("HOUSEHOLD_GRANTED_WITHIN_WINDOW");
    }

    @ParameterizedTest(name = "a grant {0} is reviewed")
    @ValueSource(strings = {"DOCUMENTED", "OVERDUE"})
    void documentedAndOverdueGrantsAreReviewedToo(String status) {
        String grant = grantOf("1000.00");
        api.execute("update aid_grant set status = '" + status + "' where id = :grant", grant);

        JsonNode reviewed = api.body(api.review(supervisor, grant, decision("ADJUST", "800", "Partly documented"), null), 200);

        assertThat(reviewed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.ledger(grant, "ADJUSTMENT")).containsExactly(-20_000L);
    }

    @Test
    void aReviewedGrantIsNotReviewedAgainSoARetryNeverPaysTwice() {
        String grant = grantOf("1000.00");
        api.review(supervisor, grant, decision("ADJUST", "1200", "Further bills"), null).expectStatus().isOk();

        api.review(supervisor, grant, decision("ADJUST", "1200", "Further bills"), null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(100_000L, 20_000L);
    }

    @Test
    void aGrantAwaitingIdentityIsNotReviewed() {
        Map<String, Object> body = org.aidline.api.support.SampleReports.hotlineReport(VILLAGE, "13900000009");
        body.put("category", "ACCIDENT");
        body.put("urgent", true);
        JsonNode report = filings.fileByHotline(tokens.staff(Role.OPERATOR, COUNTY), body);
        assertThat(report.at("/grant/status").asString()).isEqualTo("AWAITING_IDENTITY");

        api.review(supervisor, report.at("/grant/id").asString(), decision("CONFIRM", null, "ok"), null)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.englishDetail").value(detail -> assertThat((String) detail).contains("AWAITING_IDENTITY"));
    }

    @Test
    void aDecisionOnAStaleVersionIsRefusedWith412AndBooksNothing() {
        String grant = grantOf("1000.00");
        String etag = web.get().uri("/api/v1/grants/" + grant + "/review").header("Authorization", supervisor.bearer()).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isEqualTo("\"0\"");
        api.execute("update aid_grant set version = version + 1 where id = :grant", grant);

        api.review(supervisor, grant, decision("REVOKE", null, "Deposits found"), etag)
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/precondition-failed")
                .jsonPath("$.currentVersion").isEqualTo(1);
        assertThat(api.ledger(grant, "REVOCATION")).isEmpty();

        api.review(supervisor, grant, decision("REVOKE", null, "Deposits found"), "\"1\"")
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");
    }

    @Test
    void twoSupervisorsDecidingAtOnceMakeOneDecision() {
        String grant = grantOf("1000.00");
        Caller other = api.supervisor(COUNTY);
        List<Integer> statuses = Flux.merge(
                        decideAsync(supervisor, grant, decision("ADJUST", "1500", "first")),
                        decideAsync(other, grant, decision("ADJUST", "700", "second")),
                        decideAsync(supervisor, grant, decision("REVOKE", null, "third")))
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).containsOnlyOnce(200).hasSize(3).allMatch(status -> status == 200 || status == 409);
        assertThat(api.ledger(grant, "ADJUSTMENT").size() + api.ledger(grant, "REVOCATION").size()).isEqualTo(1);
    }

    Mono<Integer> decideAsync(Caller caller, String grant, Map<String, Object> body) {
        return Mono.fromCallable(() -> api.review(caller, grant, body, null).returnResult(String.class).getStatus().value())
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    static Stream<Arguments> invalidDecisions() {
        return Stream.of(
                Arguments.of("no reason", decision("CONFIRM", null, null), "reason"),
                Arguments.of("blank reason", decision("CONFIRM", null, "   "), "reason"),
                Arguments.of("no outcome", Map.<String, Object>of("reason", "why"), "outcome"),
                Arguments.of("adjust without amount", decision("ADJUST", null, "why"), "amount"),
                Arguments.of("confirm with an amount", decision("CONFIRM", "100", "why"), "amount"),
                Arguments.of("revoke with an amount", decision("REVOKE", "100", "why"), "amount"),
                Arguments.of("amount of 0", decision("ADJUST", "0", "why"), "amount"),
                Arguments.of("amount with three decimals", decision("ADJUST", "10.005", "why"), "amount"),
                Arguments.of("unknown outcome", decision("APPROVE", null, "why"), "outcome"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {2}")
    @MethodSource("invalidDecisions")
    void invalidDecisionsAreRefusedNamingTheField(String name, Map<String, Object> body, String field) {
        String grant = grantOf("1000.00");
        api.review(supervisor, grant, body, null)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        assertThat(api.ledger(grant, "ADJUSTMENT")).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Role.CITIZEN, null, 403),
                Arguments.of(Role.OPERATOR, COUNTY, 403),
                Arguments.of(Role.COORDINATOR, VILLAGE, 403),
                Arguments.of(Role.AUDITOR, "640000", 403),
                Arguments.of(Role.SUPERVISOR, "640104", 404),
                Arguments.of(Role.SUPERVISOR, "640200", 404),
                Arguments.of(Role.SUPERVISOR, "640105002", 403));
    }

    @ParameterizedTest(name = "review as {0} of {1} -> {2}")
    @MethodSource("refusals")
    void onlyASupervisorOfTheCountyReviews(Role role, String region, int status) {
        String grant = grantOf("1000.00");
        Caller caller = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        api.review(caller, grant, decision("REVOKE", null, "why"), null)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.ledger(grant, "REVOCATION")).isEmpty();
    }

    @Test
    void anUnknownOrMalformedGrantIsNotFound() {
        api.review(supervisor, java.util.UUID.randomUUID().toString(), decision("CONFIRM", null, "why"), null).expectStatus().isNotFound();
        api.review(supervisor, "not-a-uuid", decision("CONFIRM", null, "why"), null).expectStatus().isNotFound();
    }

    @Test
    void staffOfTheRegionReadTheGrantOthersAreToldItDoesNotExist() {
        String grant = grantOf("3000.50");
        web.get().uri("/api/v1/grants/" + grant + "/review").header("Authorization", tokens.staff(Role.COORDINATOR, VILLAGE).bearer()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.amount").isEqualTo(2400.0)
                .jsonPath("$.awaitingApproval").isEqualTo(600.5)
                .jsonPath("$.paidOrBeingPaid").isEqualTo(2400.0)
                .jsonPath("$.countyCode").isEqualTo(COUNTY);
        web.get().uri("/api/v1/grants/" + grant + "/review").header("Authorization", tokens.staff(Role.OPERATOR, "640104").bearer()).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/grants/" + grant + "/review").header("Authorization", tokens.newCitizen().bearer()).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/grants/" + grant + "/review").exchange().expectStatus().isUnauthorized();
    }
}
