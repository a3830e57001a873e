package org.aidline.api.review;

import static org.aidline.api.support.Supervising.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a request asked above the cap waits for the county supervisor, who pays it or refuses it, with a reason. */
@IntegrationTest
class AboveCapApprovalIntegrationTests {

    static final String COUNTY = "640106";
    static final String VILLAGE = "640106003001";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

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

    /** A request of 3,000.50 yuan against the province cap of 2,400: 600.50 awaits approval. */
    JsonNode aboveCap() {
        JsonNode report = api.fileUrgent(VILLAGE, "3000.50");
        assertThat(report.at("/grant/awaitingApproval").decimalValue()).isEqualByComparingTo("600.50");
        return report;
    }

    @Test
    void approvalAddsWhatAwaitedBooksItAndPaysIt() {
        JsonNode report = aboveCap();
        String grant = report.at("/grant/id").asString();

        JsonNode approved = api.body(api.approval(supervisor, grant, true, "Surgery invoice for 3,000.50 yuan"), 200);

        assertThat(approved.get("amount").decimalValue()).isEqualByComparingTo("3000.50");
        assertThat(approved.get("awaitingApproval").decimalValue()).isEqualByComparingTo("0");
        assertThat(approved.get("status").asString()).isEqualTo("AWAITING_DOCUMENTS");
        assertThat(api.ledger(grant, "ADJUSTMENT")).containsExactly(60_050L);
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(240_000L, 60_050L);
        JsonNode history = api.report(report.get("id").asString(), COUNTY).get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("APPROVED");
        assertThat(last.at("/detail/approvedFen").asLong()).isEqualTo(60_050L);
        assertThat(last.at("/detail/reason").asString()).isEqualTo("Surgery invoice for 3,000.50 yuan");
    }

    @Test
    void refusalDropsWhatAwaitedAndRecordsOnlyTheEvent() {
        JsonNode report = aboveCap();
        String grant = report.at("/grant/id").asString();

        JsonNode refused = api.body(api.approval(supervisor, grant, false, "No invoice beyond the cap"), 200);

        assertThat(refused.get("amount").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(refused.get("awaitingApproval").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.ledger(grant, "ADJUSTMENT")).isEmpty();
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(240_000L);
        JsonNode history = api.report(report.get("id").asString(), COUNTY).get("history");
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("APPROVAL_REFUSED");
    }

    @Test
    void aConfirmedGrantMayStillHaveItsRemainderApproved() {
        String grant = aboveCap().at("/grant/id").asString();
        api.review(supervisor, grant, decision("CONFIRM", null, "Documented"), null).expectStatus().isOk();

        JsonNode approved = api.body(api.approval(supervisor, grant, true, "Invoice arrived"), 200);

        assertThat(approved.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(approved.get("amount").decimalValue()).isEqualByComparingTo("3000.50");
    }

    @Test
    void withNothingAwaitingOrOnceDecidedThereIsNothingToApprove() {
        String withinCap = api.fileUrgent(VILLAGE, "1000").at("/grant/id").asString();
        api.approval(supervisor, withinCap, true, "why").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");

        String grant = aboveCap().at("/grant/id").asString();
        api.approval(supervisor, grant, false, "No invoice").expectStatus().isOk();
        api.approval(supervisor, grant, true, "Changed my mind").expectStatus().isEqualTo(409);
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(240_000L);
    }

    @Test
    void aRevokedGrantHasNothingLeftToApprove() {
        String grant = aboveCap().at("/grant/id").asString();
        api.review(supervisor, grant, decision("REVOKE", null, "Deposits found"), null).expectStatus().isOk();

        api.approval(supervisor, grant, true, "why").expectStatus().isEqualTo(409);
        assertThat(api.ledger(grant, "ADJUSTMENT")).isEmpty();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(Map.of("reason", "why"), "approve"),
                Arguments.of(Map.of("approve", true), "reason"),
                Arguments.of(Map.of("approve", true, "reason", " "), "reason"),
                Arguments.of(Map.of("approve", "perhaps", "reason", "why"), "approve"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("invalidBodies")
    void invalidBodiesAreRefusedNamingTheField(Map<String, Object> body, String field) {
        String grant = aboveCap().at("/grant/id").asString();
        api.post(supervisor, "/api/v1/grants/" + grant + "/approval", body, null)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Role.CITIZEN, null, 403),
                Arguments.of(Role.OPERATOR, COUNTY, 403),
                Arguments.of(Role.COORDINATOR, VILLAGE, 403),
                Arguments.of(Role.AUDITOR, COUNTY, 403),
                Arguments.of(Role.SUPERVISOR, "640105", 404),
                Arguments.of(Role.SUPERVISOR, "640106003", 403));
    }

    @ParameterizedTest(name = "approval as {0} of {1} -> {2}")
    @MethodSource("refusals")
    void onlyASupervisorOfTheCountyApproves(Role role, String region, int status) {
        String grant = aboveCap().at("/grant/id").asString();
        Caller caller = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        api.approval(caller, grant, true, "why")
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.ledger(grant, "ADJUSTMENT")).isEmpty();
    }
}
