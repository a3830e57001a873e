package org.aidline.api.casework;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.aidline.api.support.RegistryAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.notification.Coordination;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ordinary case end to end, on the villages of Longde county (640423), which no other test
 * files to: investigation, means test (a registry played by WireMock), notice with objections,
 * the decision by the township within its cap (filed upward) or by the county above it, payment,
 * the task completed, closure.
 */
@IntegrationTest
@Import(Coordination.class)
class OrdinaryCaseIntegrationTests {

    static final String COUNTY = "640423";
    static final String TOWNSHIP = COUNTY + "001";
    static final String VILLAGE = TOWNSHIP + "001";

    @RegisterExtension
    static WireMockExtension households = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension charity = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String CHARITY_SECRET = "charity-federation-test-secret";

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("aidline.verification.registries[0].name", () -> "households");
        registry.add("aidline.verification.registries[0].base-url", households::baseUrl);
        registry.add("aidline.referrals.webhooks.CHARITY_FEDERATION.url", () -> charity.baseUrl() + "/aidline/referrals");
        registry.add("aidline.referrals.webhooks.CHARITY_FEDERATION.secret", () -> CHARITY_SECRET);
        registry.add("aidline.referrals.poll-interval", () -> "PT0.2S");
        registry.add("aidline.referrals.escalation-period", () -> "PT0.2S");
        registry.add("aidline.casework.closure-sweep-period", () -> "PT0.5S");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    Coordination coordination;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    String townshipSupervisor;
    String countySupervisor;
    String coordinator;

    @BeforeEach
    void staff() {
        households.stubFor(post(urlEqualTo("/registry/sync/search")).willReturn(answer("succ", "[]")));
        townshipSupervisor = tokens.issue("twpsup-" + TOWNSHIP, List.of(Role.SUPERVISOR), TOWNSHIP);
        countySupervisor = tokens.issue("sup-" + COUNTY, List.of(Role.SUPERVISOR), COUNTY);
        coordinator = tokens.issue("coord-" + VILLAGE, List.of(Role.COORDINATOR), VILLAGE);
    }

    @Test
    void aStandardReportGoesThroughEveryStepToAGrantFiledUpwardAndIsClosedWithItsTask() {
        Tokens.Caller citizen = tokens.newCitizen();
        String report = fileStandard(citizen, 1800);
        JsonNode opened = caseOf(report, townshipSupervisor);
        assertThat(opened.path("kind").asString()).isEqualTo("ORDINARY");
        assertThat(opened.path("stage").asString()).isEqualTo("INVESTIGATION");
        assertThat(steps(opened)).containsExactly("INVESTIGATION:PENDING", "MEANS_TEST:PENDING", "NOTICE:PENDING");
        refusedWithOpenStep(decide(report, townshipSupervisor, grant(1800), version(opened)), "INVESTIGATION");

        JsonNode investigated = ok(act(report, "investigation", coordinator, investigation(1800)));
        assertThat(investigated.path("stage").asString()).isEqualTo("MEANS_TEST");
        JsonNode tested = ok(act(report, "means-test", coordinator, null));
        assertThat(tested.path("steps").get(1).path("outcome").path("verdict").asString()).isEqualTo("CLEAR");
        assertThat(tested.path("stage").asString()).isEqualTo("NOTICE");
        refusedWithOpenStep(decide(report, townshipSupervisor, grant(1800), version(tested)), "NOTICE");

        // Posted on the village's board seven days ago, less six seconds: it runs a moment longer.
        JsonNode noticed = ok(act(report, "notice", townshipSupervisor, Map.of("days", 7, "postedAt", endingSoon(7))));
        JsonNode notice = noticed.path("steps").get(2);
        assertThat(notice.path("state").asString()).isEqualTo("RUNNING");
        assertThat(notice.path("outcome").path("published").path("name").asString()).as("published masked").isEqualTo("王**");
        assertThat(notice.path("outcome").path("published").path("proposedAmountFen").asLong()).isEqualTo(180000);
        List<String> published = new ArrayList<>();
        notice.path("outcome").path("published").propertyNames().forEach(published::add);
        assertThat(published).as("no ID number, no full name").containsExactlyInAnyOrder("name", "village", "category", "proposedAmountFen");
        refusedWithOpenStep(decide(report, townshipSupervisor, grant(1800), version(noticed)), "NOTICE");

        JsonNode ready = noticeEnded(report);
        assertThat(ready.path("stage").asString()).isEqualTo("DECISION");
        JsonNode decided = ok(decide(report, townshipSupervisor, grant(1800), version(ready)));
        assertThat(decided.path("status").asString()).isEqualTo("DECIDED");
        JsonNode decision = decided.path("decision");
        assertThat(decision.path("level").asString()).isEqualTo("TOWNSHIP");
        assertThat(decision.path("filing").asString()).isEqualTo("FILED");
        assertThat(decision.path("amount").decimalValue()).isEqualByComparingTo("1800.00");
        String grant = decision.path("grantId").asString();
        assertThat(one("select count(*) from aid_grant where id = :id and status = 'CONFIRMED' and amount_fen = 180000", grant)).isEqualTo(1);
        assertThat(one("select count(*) from ledger_entry where grant_id = :id and kind = 'GRANT' and amount_fen = 180000", grant)).isEqualTo(1);
        assertThat(one("select count(*) from payment_instruction where grant_id = :id and kind = 'PAYMENT' and amount_fen = 180000", grant))
                .as("paid once").isEqualTo(1);
        // The same decision again finds the case decided: never a second grant.
        decide(report, townshipSupervisor, grant(1800), version(decided)).expectStatus().isEqualTo(409);

        String decisionId = decision.path("id").asString();
        assertThat(queue("filed-decisions", countySupervisor)).contains(decisionId);
        web.post().uri("/api/v1/supervision/filed-decisions/{id}/review", decisionId).header("Authorization", "Bearer " + townshipSupervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("filing", "SEEN", "note", "mine")).exchange()
                .expectStatus().isForbidden();
        JsonNode seen = ok(web.post().uri("/api/v1/supervision/filed-decisions/{id}/review", decisionId)
                .header("Authorization", "Bearer " + countySupervisor).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("filing", "SEEN", "note", "Checked against the township reserve")).exchange());
        assertThat(seen.path("decision").path("filing").asString()).isEqualTo("SEEN");
        assertThat(queue("filed-decisions", countySupervisor)).doesNotContain(decisionId);

        assertThat(reportOf(report, citizen.token(), "en").path("status").asString()).as("open until its task is done").isEqualTo("DECIDED");
        String task = coordination.taskOf(report);
        coordination.act(coordinator, task, "ack", Map.of());
        coordination.act(coordinator, task, "complete", Map.of());
        JsonNode closed = reportOf(report, citizen.token(), "en");
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        List<String> history = new ArrayList<>();
        closed.path("history").forEach(event -> history.add(event.path("type").asString()));
        assertThat(history).containsSubsequence("INVESTIGATED", "MEANS_TESTED", "NOTICE_OPENED", "DECIDED", "GRANTED", "DECISION_SEEN",
                "CLOSED");
        // The coordinator's app hears of it: the task's live stream carries the report's status changes.
        await().atMost(Duration.ofSeconds(10)).until(() -> taskEvents(task).containsAll(List.of("REPORT_DECIDED", "REPORT_CLOSED")));
        JsonNode asCitizen = closed.path("case");
        assertThat(asCitizen.path("decision").path("outcome").asString()).isEqualTo("GRANT");
        assertThat(asCitizen.path("steps").get(0).has("outcome")).as("the findings are for staff").isFalse();

        JsonNode statistics = ok(web.get().uri("/api/v1/statistics?county={county}", COUNTY).header("Authorization", "Bearer " + countySupervisor)
                .exchange()).path("ordinaryCases");
        assertThat(statistics.at("/decisionsByLevel/TOWNSHIP:GRANT").asLong()).isPositive();
        assertThat(statistics.at("/timeToDecision/count").asLong()).isPositive();
        assertThat(statistics.at("/timeToStep/INVESTIGATION/count").asLong()).isPositive();
        assertThat(statistics.at("/timeToStep/NOTICE/p50").isNumber()).isTrue();
    }

    @Test
    void aboveTheTownshipsCapTheTownshipRecommendsAndTheCountyDecides() {
        String report = fileStandard(tokens.newCitizen(), 5000);
        JsonNode ready = readyForDecision(report, 5000);
        JsonNode recommended = ok(decide(report, townshipSupervisor, grant(5000), version(ready)));
        assertThat(recommended.path("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(recommended.path("stage").asString()).isEqualTo("COUNTY_DECISION");
        assertThat(recommended.path("recommendation").path("amount").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(recommended.has("decision")).isFalse();
        assertThat(one("select count(*) from aid_grant where report_id = :id", report)).as("no grant yet").isZero();
        decide(report, townshipSupervisor, grant(2000), version(recommended)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");
        assertThat(queue("ordinary-cases", countySupervisor)).contains(report);

        JsonNode decided = ok(decide(report, countySupervisor, grant(4500), version(recommended)));
        assertThat(decided.path("decision").path("level").asString()).isEqualTo("COUNTY");
        assertThat(decided.path("decision").has("filing")).as("the county's own decision is not filed upward").isFalse();
        assertThat(one("select count(*) from payment_instruction p join aid_grant g on g.id = p.grant_id "
                + "where g.report_id = :id and p.amount_fen = 450000", report)).isEqualTo(1);
        assertThat(queue("ordinary-cases", countySupervisor)).doesNotContain(report);
    }

    @Test
    void anOpenObjectionHoldsTheDecisionUntilASupervisorResolvesIt() {
        String report = fileStandard(tokens.newCitizen(), 1200);
        ok(act(report, "investigation", coordinator, investigation(1200)));
        act(report, "objections", coordinator, Map.of("statement", "Too early")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");
        ok(act(report, "means-test", coordinator, null));
        ok(act(report, "notice", townshipSupervisor, Map.of("days", 3, "postedAt", endingSoon(3))));
        String operator = tokens.issue("operator-" + UUID.randomUUID(), List.of(Role.OPERATOR), COUNTY);
        JsonNode objected = ok(act(report, "objections", operator,
                Map.of("statement", "The household owns a second flat in the county town", "objector", "A neighbour, by phone")));
        String objection = objected.path("objections").get(0).path("id").asString();
        JsonNode ended = noticeEnded(report);
        assertThat(ended.path("stage").asString()).isEqualTo("OBJECTION");
        refusedWithOpenStep(decide(report, townshipSupervisor, grant(1200), version(ended)), "OBJECTION");

        act(report, "objections/" + objection + "/resolution", coordinator, Map.of("outcome", "DISMISSED", "resolution", "No"))
                .expectStatus().isForbidden();
        JsonNode resolved = ok(act(report, "objections/" + objection + "/resolution", townshipSupervisor,
                Map.of("outcome", "DISMISSED", "resolution", "The flat was sold in 2023 (deed checked)")));
        assertThat(resolved.path("objections").get(0).path("status").asString()).isEqualTo("DISMISSED");
        ok(decide(report, townshipSupervisor, grant(1200), version(resolved)));
    }

    @Test
    void aRefusalNeedsAReasonWhichTheCitizenReadsInTheirLanguage() {
        Tokens.Caller citizen = tokens.newCitizen();
        String report = fileStandard(citizen, 1000);
        JsonNode ready = readyForDecision(report, 1000);
        decide(report, townshipSupervisor, Map.of("outcome", "REFUSE"), version(ready)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        decide(report, townshipSupervisor, Map.of("outcome", "REFUSE", "reason", "OTHER"), version(ready)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        decide(report, townshipSupervisor, Map.of("outcome", "REFUSE", "reason", "NO_SUCH_REASON"), version(ready))
                .expectStatus().isBadRequest();

        ok(decide(report, townshipSupervisor, Map.of("outcome", "REFUSE", "reason", "INCOME_ABOVE_STANDARD",
                "basis", "County temporary assistance measures, art. 5"), version(ready)));
        assertThat(one("select count(*) from aid_grant where report_id = :id", report)).isZero();
        JsonNode english = reportOf(report, citizen.token(), "en").path("case").path("decision");
        JsonNode chinese = reportOf(report, citizen.token(), "zh-CN").path("case").path("decision");
        assertThat(english.path("reason").asString()).isEqualTo("INCOME_ABOVE_STANDARD");
        assertThat(english.path("reasonText").asString()).isEqualTo("The household's income is above the county's standard for this assistance.");
        assertThat(chinese.path("reasonText").asString()).isEqualTo("家庭收入高于本县该项救助的标准。");
        assertThat(english.path("basis").asString()).isEqualTo("County temporary assistance measures, art. 5");
    }

    @Test
    void onlyTheRightPeopleActAndTheDecisionNamesTheVersionItWasMadeOn() {
        Tokens.Caller citizen = tokens.newCitizen();
        String report = fileStandard(citizen, 1500);
        String otherTownship = tokens.issue("twpsup-" + COUNTY + "002", List.of(Role.SUPERVISOR), COUNTY + "002");
        String otherCounty = tokens.issue("sup-640424", List.of(Role.SUPERVISOR), "640424");
        act(report, "investigation", citizen.token(), investigation(1500)).expectStatus().isForbidden();
        act(report, "investigation", otherTownship, investigation(1500)).expectStatus().isNotFound();
        act(report, "investigation", otherCounty, investigation(1500)).expectStatus().isNotFound();
        web.get().uri("/api/v1/reports/{id}/case", report).header("Authorization", "Bearer " + tokens.newCitizen().token()).exchange()
                .expectStatus().isNotFound();
        JsonNode ready = readyForDecision(report, 1500);
        decide(report, coordinator, grant(1500), version(ready)).expectStatus().isForbidden();
        decide(report, citizen.token(), grant(1500), version(ready)).expectStatus().isForbidden();
        web.post().uri("/api/v1/reports/{id}/decision", report).header("Authorization", "Bearer " + townshipSupervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(grant(1500)).exchange()
                .expectStatus().isEqualTo(428);
        decide(report, townshipSupervisor, grant(1500), version(ready) - 1).expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(version(ready));
        ok(decide(report, townshipSupervisor, grant(1500), version(ready)));
    }

    @Test
    void anEmergencyStaysOpenUntilTheStepsItsPolicyMovedAfterPaymentAreDone() {
        Tokens.Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        body.put("villageCode", VILLAGE);
        JsonNode filed = filings.file(citizen, body);
        String report = filed.path("id").asString();
        String grant = filed.path("grant").path("id").asString();
        JsonNode emergency = caseOf(report, townshipSupervisor);
        assertThat(emergency.path("kind").asString()).isEqualTo("EMERGENCY");
        assertThat(steps(emergency)).containsExactly("INVESTIGATION:PENDING", "MEANS_TEST:PENDING");

        ok(web.post().uri("/api/v1/grants/{id}/review", grant).header("Authorization", "Bearer " + countySupervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "CONFIRM", "reason", "Hospital bills seen")).exchange());
        String task = coordination.taskOf(report);
        coordination.act(coordinator, task, "ack", Map.of());
        coordination.act(coordinator, task, "complete", Map.of());
        assertThat(reportOf(report, citizen.token(), "en").path("status").asString()).as("its steps after payment are owed")
                .isEqualTo("FAST_TRACKED");

        ok(act(report, "investigation", coordinator, investigation(3000)));
        assertThat(reportOf(report, citizen.token(), "en").path("status").asString()).isEqualTo("FAST_TRACKED");
        JsonNode done = ok(act(report, "means-test", coordinator, null));
        assertThat(done.path("status").asString()).isEqualTo("CLOSED");
        assertThat(done.path("stage").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aReferralToAWebhookPartnerIsDeliveredOnceSignedAnsweredAndShownInTheReport() throws Exception {
        charity.stubFor(post(urlEqualTo("/aidline/referrals")).willReturn(aResponse().withStatus(202)));
        Tokens.Caller citizen = tokens.newCitizen();
        String report = fileStandard(citizen, 8000);
        var answer = web.post().uri("/api/v1/reports/{id}/referrals", report).header("Authorization", "Bearer " + coordinator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("to", "CHARITY_FEDERATION", "reason", "Medical bills beyond temporary aid"))
                .exchange().expectStatus().isCreated().expectBody().returnResult();
        JsonNode referred = json.readTree(answer.getResponseBody());
        String referral = referred.path("id").asString();
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/api/v1/referrals/" + referral);
        assertThat(referred.path("status").asString()).isEqualTo("OPEN");
        web.post().uri("/api/v1/reports/{id}/referrals", report).header("Authorization", "Bearer " + coordinator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("to", "CHARITY_FEDERATION", "reason", "again"))
                .exchange().expectStatus().isEqualTo(409);

        await().atMost(Duration.ofSeconds(10)).until(() -> referral(referral, coordinator).path("delivery").asString().equals("SENT"));
        // Delivered once: no second POST follows.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> charity.findAll(postRequestedFor(urlEqualTo("/aidline/referrals"))).size() == 1);
        var delivery = charity.findAll(postRequestedFor(urlEqualTo("/aidline/referrals"))).get(0);
        assertThat(delivery.getHeader("Idempotency-Key")).isEqualTo(referral);
        String signature = delivery.getHeader("X-Aidline-Signature");
        String timestamp = signature.replaceAll("t=(\\d+),v1=.*", "$1");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(CHARITY_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "." + delivery.getBodyAsString())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + expected);
        JsonNode sent = json.readTree(delivery.getBodyAsString());
        assertThat(sent.path("referralId").asString()).isEqualTo(referral);
        assertThat(sent.path("household").has("idNumber")).as("only the masked ID number leaves").isFalse();

        String redCross = tokens.partner("RED_CROSS");
        web.post().uri("/api/v1/referrals/{id}/answer", referral).header("Authorization", "Bearer " + redCross)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "DONE")).exchange().expectStatus().isNotFound();
        String charityToken = tokens.partner("CHARITY_FEDERATION");
        JsonNode answered = json.readTree(web.post().uri("/api/v1/referrals/{id}/answer", referral).header("Authorization", "Bearer " + charityToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "DONE", "note", "Paid the hospital deposit", "amount", 5000))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(answered.path("status").asString()).isEqualTo("DONE");
        assertThat(answered.path("paidByPartner").decimalValue()).isEqualByComparingTo("5000.00");

        JsonNode shown = reportOf(report, citizen.token(), "en");
        assertThat(shown.at("/case/referrals/0/status").asString()).isEqualTo("DONE");
        assertThat(shown.at("/case/referrals/0/paidByPartner").decimalValue()).isEqualByComparingTo("5000.00");
        List<String> history = new ArrayList<>();
        shown.path("history").forEach(event -> history.add(event.path("type").asString()));
        assertThat(history).containsSubsequence("REFERRED", "REFERRAL_ANSWERED");
        assertThat(one("select count(*) from ledger_entry l join aid_grant g on g.id = l.grant_id where g.report_id = :id", report))
                .as("a charity's money is not on the county's ledger").isZero();
        JsonNode statistics = ok(web.get().uri("/api/v1/statistics?county={county}", COUNTY).header("Authorization", "Bearer " + countySupervisor)
                .exchange()).path("ordinaryCases");
        assertThat(statistics.path("referralsAnswered").asLong()).isPositive();
        assertThat(statistics.path("paidByPartners").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("5000.00"));
        assertThat(statistics.at("/referralAnswerTime/p50").isNumber()).isTrue();
    }

    @Test
    void anUnansweredReferralEscalatesAndAPartnerWithoutAWebhookIsHandedOverByHand() {
        String report = fileStandard(tokens.newCitizen(), 3000);
        JsonNode manual = json.readTree(web.post().uri("/api/v1/reports/{id}/referrals", report).header("Authorization", "Bearer " + townshipSupervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("to", "MEDICAL_INSURANCE", "reason", "Serious illness insurance"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String referral = manual.path("id").asString();
        assertThat(manual.path("delivery").asString()).isEqualTo("MANUAL");
        assertThat(queue("referrals-waiting", countySupervisor)).contains(referral);

        // The partner's days pass without an answer (the due time moved to a moment ago, as the calendar would).
        database.sql("update referral set answer_due_at = now() - interval '1 second' where id = :id")
                .bind("id", UUID.fromString(referral)).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> referral(referral, townshipSupervisor).has("escalatedAt"));
        assertThat(queue("referrals-waiting", countySupervisor).get(0)).as("escalated first").isEqualTo(referral);
        List<String> history = new ArrayList<>();
        caseHistory(report).forEach(history::add);
        assertThat(history).containsSubsequence("REFERRED", "REFERRAL_ESCALATED");

        JsonNode unreachable = json.readTree(web.post().uri("/api/v1/reports/{id}/referrals", report).header("Authorization", "Bearer " + townshipSupervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("to", "RED_CROSS", "reason", "Household goods"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        await().atMost(Duration.ofSeconds(10)).until(() -> referral(unreachable.path("id").asString(), townshipSupervisor)
                .path("delivery").asString().equals("FAILED"));
        assertThat(referral(unreachable.path("id").asString(), townshipSupervisor).path("lastDeliveryError").asString()).contains("by hand");
    }

    @Test
    void theCountyOverturnsAFiledDecisionARefusalReopensTheCaseAGrantGoesUnderItsReview() {
        String refused = fileStandard(tokens.newCitizen(), 1000);
        JsonNode decided = ok(decide(refused, townshipSupervisor, Map.of("outcome", "REFUSE", "reason", "HARDSHIP_NOT_CONFIRMED"),
                version(readyForDecision(refused, 1000))));
        JsonNode overturned = ok(reviewFiled(decided.path("decision").path("id").asString(), "OVERTURNED", "The investigation missed the medical bills"));
        assertThat(overturned.path("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(overturned.path("stage").asString()).isEqualTo("COUNTY_DECISION");
        assertThat(overturned.has("decision")).isFalse();
        decide(refused, townshipSupervisor, grant(800), version(overturned)).expectStatus().isEqualTo(409);
        JsonNode countyDecided = ok(decide(refused, countySupervisor, grant(800), version(overturned)));
        assertThat(countyDecided.path("decision").path("level").asString()).isEqualTo("COUNTY");
        assertThat(countyDecided.path("decisions").size()).as("the overturned decision stays on record").isEqualTo(2);

        String granted = fileStandard(tokens.newCitizen(), 1500);
        JsonNode grantDecision = ok(decide(granted, townshipSupervisor, grant(1500), version(readyForDecision(granted, 1500)))).path("decision");
        JsonNode underReview = ok(reviewFiled(grantDecision.path("id").asString(), "OVERTURNED", "Above what the household needs"));
        assertThat(underReview.path("status").asString()).as("the grant stands until the county reviews it").isEqualTo("DECIDED");
        assertThat(underReview.path("decision").has("id")).isFalse();
        String grantId = grantDecision.path("grantId").asString();
        assertThat(queue("pending-reviews", countySupervisor)).contains(grantId);
        String task = coordination.taskOf(granted);
        coordination.act(coordinator, task, "ack", Map.of());
        coordination.act(coordinator, task, "complete", Map.of());
        assertThat(caseOf(granted, countySupervisor).path("status").asString()).as("open while the county reviews the grant")
                .isEqualTo("DECIDED");
        JsonNode revoked = ok(web.post().uri("/api/v1/grants/{id}/review", grantId).header("Authorization", "Bearer " + countySupervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "REVOKE", "reason", "Overturned: not in need")).exchange());
        assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
        assertThat(one("select count(*) from payment_instruction where grant_id = :id and kind = 'RECOVERY'", grantId)).isEqualTo(1);
        assertThat(caseOf(granted, countySupervisor).path("status").asString()).as("closed with the grant's review").isEqualTo("CLOSED");
        reviewFiled(grantDecision.path("id").asString(), "SEEN", "again").expectStatus().isEqualTo(409);
    }

    @Test
    void aCaseDoneButLeftOpenByAStoppedInstanceIsClosedByTheSweep() {
        String report = fileStandard(tokens.newCitizen(), 1000);
        JsonNode ready = readyForDecision(report, 1000);
        ok(decide(report, townshipSupervisor, grant(1000), version(ready)));
        String task = coordination.taskOf(report);
        // The task completed by an instance that stopped before it could close the case.
        database.sql("update coordinator_task set status = 'COMPLETED', acknowledged_at = now(), completed_at = now() where id = :id")
                .bind("id", UUID.fromString(task)).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> caseOf(report, townshipSupervisor).path("status").asString().equals("CLOSED"));
        assertThat(caseHistory(report)).endsWith("CLOSED");
    }

    // ---- helpers -------------------------------------------------------------------------------

    List<String> taskEvents(String task) {
        return database.sql("select type from task_event where task_id = :id order by seq").bind("id", UUID.fromString(task))
                .map(row -> row.get("type", String.class)).all().collectList().block(Duration.ofSeconds(10));
    }

    WebTestClient.ResponseSpec reviewFiled(String decision, String filing, String note) {
        return web.post().uri("/api/v1/supervision/filed-decisions/{id}/review", decision).header("Authorization", "Bearer " + countySupervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("filing", filing, "note", note)).exchange();
    }

    JsonNode referral(String id, String bearer) {
        return ok(web.get().uri("/api/v1/referrals/{id}", id).header("Authorization", "Bearer " + bearer).exchange());
    }

    List<String> caseHistory(String report) {
        List<String> types = new ArrayList<>();
        reportOf(report, townshipSupervisor, "en").path("history").forEach(event -> types.add(event.path("type").asString()));
        return types;
    }

    String fileStandard(Tokens.Caller citizen, long requestedYuan) {
        JsonNode filed = filings.file(citizen, SampleReports.standardReport(VILLAGE, requestedYuan));
        assertThat(filed.path("status").asString()).isEqualTo("IN_REVIEW");
        return filed.path("id").asString();
    }

    JsonNode readyForDecision(String report, long recommendedYuan) {
        ok(act(report, "investigation", coordinator, investigation(recommendedYuan)));
        ok(act(report, "means-test", coordinator, null));
        // Posted on the village's board six days ago for five: over already.
        JsonNode noticed = ok(act(report, "notice", townshipSupervisor,
                Map.of("days", 5, "postedAt", Instant.now().minus(Duration.ofDays(6)).toString())));
        assertThat(noticed.path("steps").get(2).path("state").asString()).isEqualTo("DONE");
        return noticed;
    }

    /** A notice posted {@code days} days ago less six seconds: it ends six seconds from now. */
    static String endingSoon(int days) {
        return Instant.now().minus(Duration.ofDays(days)).plusSeconds(6).toString();
    }

    /** Waits for the running notice's last moment to pass; answers the case then. */
    JsonNode noticeEnded(String report) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> caseOf(report, townshipSupervisor).path("steps").get(2).path("state").asString().equals("DONE"));
        return caseOf(report, townshipSupervisor);
    }

    static Map<String, Object> investigation(long recommendedYuan) {
        return Map.of("findings", "Visited: no income since the husband lost his job in October",
                "householdSituation", "Four persons, rented flat, no vehicle", "recommendedAmount", recommendedYuan);
    }

    static Map<String, Object> grant(long yuan) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("outcome", "GRANT");
        decision.put("amount", yuan);
        decision.put("basis", "County temporary assistance measures, art. 7");
        return decision;
    }

    WebTestClient.ResponseSpec act(String report, String action, String bearer, @Nullable Object body) {
        var request = web.post().uri("/api/v1/reports/" + report + "/" + action).header("Authorization", "Bearer " + bearer);
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec decide(String report, String bearer, Object body, int version) {
        return web.post().uri("/api/v1/reports/{id}/decision", report).header("Authorization", "Bearer " + bearer)
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static void refusedWithOpenStep(WebTestClient.ResponseSpec response, String step) {
        response.expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/step-open").jsonPath("$.openStep").isEqualTo(step);
    }

    JsonNode ok(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    JsonNode caseOf(String report, String bearer) {
        return ok(web.get().uri("/api/v1/reports/{id}/case", report).header("Authorization", "Bearer " + bearer).exchange());
    }

    JsonNode reportOf(String report, String bearer, String language) {
        return ok(web.get().uri("/api/v1/reports/{id}", report).header("Authorization", "Bearer " + bearer)
                .header("Accept-Language", language).exchange());
    }

    static int version(JsonNode caseView) {
        return caseView.path("version").asInt();
    }

    static List<String> steps(JsonNode caseView) {
        List<String> steps = new ArrayList<>();
        caseView.path("steps").forEach(step -> steps.add(step.path("step").asString() + ":" + step.path("state").asString()));
        return steps;
    }

    /** The ids of a work queue's items (a case's report id, a filed decision's id) in the county. */
    List<String> queue(String queue, String bearer) {
        JsonNode page = ok(web.get().uri("/api/v1/supervision/queues/{queue}?county={county}&limit=100", queue, COUNTY)
                .header("Authorization", "Bearer " + bearer).exchange());
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    long one(String sql, String id) {
        return database.sql(sql).bind("id", UUID.fromString(id)).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }
}
