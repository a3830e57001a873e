package org.aidline.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One fast-track grant per household per window, unless the county supervisor sets the rule aside with a reason. */
@IntegrationTest
class FastTrackOverrideIntegrationTests {

    static final String COUNTY = "640121";
    static final String VILLAGE = "640121004002";

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

    /** The household's second urgent report inside the window: a duplicate. */
    JsonNode duplicate(String requestedYuan) {
        String idNumber = SampleReports.newIdNumber();
        api.fileUrgent(VILLAGE, "1000", idNumber);
        JsonNode second = api.fileUrgent(VILLAGE, requestedYuan, idNumber);
        assertThat(second.get("status").asString()).isEqualTo("DUPLICATE");
        return second;
    }

    @Test
    void overridingADuplicateGrantsItNowWithItsLedgerEntryPaymentAndHistory() {
        JsonNode duplicate = duplicate("3000.50");
        String reportId = duplicate.get("id").asString();

        JsonNode overridden = api.body(api.override(supervisor, reportId, "House destroyed by flood after the first grant"), 200);

        assertThat(overridden.get("status").asString()).isEqualTo("FAST_TRACKED");
        assertThat(overridden.at("/triage/decision").asString()).isEqualTo("DUPLICATE");
        assertThat(overridden.at("/grant/amount").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(overridden.at("/grant/awaitingApproval").decimalValue()).isEqualByComparingTo("600.50");
        assertThat(overridden.at("/grant/status").asString()).isEqualTo("AWAITING_DOCUMENTS");
        assertThat(overridden.at("/grant/policyCounty").asString()).isEqualTo("640000");
        String grant = overridden.at("/grant/id").asString();
        assertThat(api.ledger(grant, "GRANT")).containsExactly(240_000L);
        assertThat(api.instructions(grant, "PAYMENT")).containsExactly(240_000L);
        JsonNode history = overridden.get("history");
        assertThat(history.get(history.size() - 2).get("type").asString()).isEqualTo("OVERRIDDEN");
        assertThat(history.get(history.size() - 2).at("/detail/reason").asString()).isEqualTo("House destroyed by flood after the first grant");
        assertThat(history.get(history.size() - 2).get("actor").asString()).isEqualTo(supervisor.subject());
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("GRANTED");
        web.get().uri("/api/v1/grants/" + grant + "/review").header("Authorization", supervisor.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.overrideReason").isEqualTo("House destroyed by flood after the first grant");
    }

    @Test
    void aReportIsOverriddenOnceAndOnlyADuplicateIs() {
        JsonNode duplicate = duplicate("500");
        String reportId = duplicate.get("id").asString();
        api.override(supervisor, reportId, "Flood").expectStatus().isOk();

        api.override(supervisor, reportId, "Flood").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");
        String fastTracked = api.fileUrgent(VILLAGE, "500").get("id").asString();
        api.override(supervisor, fastTracked, "Flood").expectStatus().isEqualTo(409);
        long grants = database.sql("select count(*) from aid_grant where report_id = cast(:id as uuid)").bind("id", reportId)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(grants).isEqualTo(1);
    }

    @Test
    void onlyTheHouseholdRuleIsSetAsideSoANonUrgentDuplicateIsNotFastTracked() {
        String idNumber = SampleReports.newIdNumber();
        api.fileUrgent(VILLAGE, "1000", idNumber);
        Map<String, Object> body = SampleReports.selfReport();
        body.put("villageCode", VILLAGE);
        body.put("urgent", false);
        SampleReports.subjectOf(body).put("idNumber", idNumber);
        JsonNode duplicate = api.file(body);
        assertThat(duplicate.get("status").asString()).isEqualTo("DUPLICATE");

        api.override(supervisor, duplicate.get("id").asString(), "Flood").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.englishDetail").value(detail -> assertThat((String) detail).contains("STANDARD"));
    }

    @Test
    void aReasonIsRequired() {
        String reportId = duplicate("500").get("id").asString();
        api.post(supervisor, "/api/v1/reports/" + reportId + "/fast-track-override", Map.of("reason", " "), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        api.post(supervisor, "/api/v1/reports/" + reportId + "/fast-track-override", Map.of(), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Role.CITIZEN, null, 403),
                Arguments.of(Role.OPERATOR, COUNTY, 403),
                Arguments.of(Role.COORDINATOR, VILLAGE, 403),
                Arguments.of(Role.AUDITOR, COUNTY, 403),
                Arguments.of(Role.SUPERVISOR, "640122", 404),
                Arguments.of(Role.SUPERVISOR, "640121004", 403));
    }

    @ParameterizedTest(name = "override as {0} of {1} -> {2}")
    @MethodSource("refusals")
    void onlyASupervisorOfTheCountyOverrides(Role role, String region, int status) {
        String reportId = duplicate("500").get("id").asString();
        Caller caller = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        api.override(caller, reportId, "Flood")
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.report(reportId, COUNTY).get("status").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void anUnknownReportIsNotFound() {
        api.override(supervisor, java.util.UUID.randomUUID().toString(), "Flood").expectStatus().isNotFound();
        api.override(supervisor, "nope", "Flood").expectStatus().isNotFound();
    }
}
