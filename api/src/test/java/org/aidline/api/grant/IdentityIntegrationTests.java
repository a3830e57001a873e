package org.aidline.api.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Identity at the visit: the grant of a hotline report without ID number starts its clock and is paid, once. */
@IntegrationTest
class IdentityIntegrationTests {

    static final String VILLAGE = "640104002003";

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

    @LocalServerPort
    int port;

    GrantSteps steps;
    Caller coordinator;
    JsonNode hotline;
    String reportId;
    String grantId;

    @BeforeEach
    void aHotlineAccidentAwaitsIdentity() {
        steps = new GrantSteps(web, tokens, json);
        coordinator = tokens.staff(Role.COORDINATOR, VILLAGE);
        hotline = steps.fileHotlineAccidentWithoutIdentity(VILLAGE);
        reportId = hotline.get("id").asString();
        grantId = hotline.at("/grant/id").asString();
        assertThat(hotline.at("/grant/status").asString()).isEqualTo("AWAITING_IDENTITY");
    }

    @Test
    void theIdentityStartsTheDocumentsClockAndIssuesThePayment() {
        String idNumber = SampleReports.newIdNumber();
        JsonNode answer = steps.body(steps.identify(coordinator, reportId, idNumber).expectStatus().isOk());

        assertThat(answer.get("outcome").asString()).isEqualTo("IDENTIFIED");
        JsonNode report = answer.get("report");
        assertThat(report.at("/subject/idNumber").asString()).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat(report.get("status").asString()).isEqualTo("FAST_TRACKED");
        assertThat(report.at("/grant/status").asString()).isEqualTo("AWAITING_DOCUMENTS");
        JsonNode recorded = last(report.get("history"));
        assertThat(recorded.get("type").asString()).isEqualTo("IDENTITY_RECORDED");
        assertThat(recorded.get("actor").asString()).isEqualTo(coordinator.subject());
        Instant at = Instant.parse(recorded.get("at").asString());
        // Province default policy version 1, recorded by the grant: documents are due 10 days after the identity.
        assertThat(Instant.parse(report.at("/grant/documentsDueAt").asString())).isEqualTo(at.plus(Duration.ofDays(10)));

        Map<String, Object> payment = database.sql("select kind, status, amount_fen, next_attempt_at, reference_id = id::text as referenced "
                        + "from payment_instruction where grant_id = :id")
                .bind("id", UUID.fromString(grantId)).fetch().one().block();
        assertThat(payment).containsEntry("kind", "PAYMENT").containsEntry("status", "PENDING").containsEntry("referenced", true);
        assertThat(payment.get("amount_fen")).isEqualTo(report.at("/grant/amount").decimalValue().movePointRight(2).longValueExact());
        assertThat(((java.time.OffsetDateTime) payment.get("next_attempt_at")).toInstant()).isEqualTo(at);
        Boolean sameHousehold = database.sql("select g.household_key = r.subject_id_hash and r.subject_id_cipher is not null "
                        + "from aid_grant g join report r on r.id = g.report_id where g.id = :id")
                .bind("id", UUID.fromString(grantId)).map(row -> row.get(0, Boolean.class)).one().block();
        assertThat(sameHousehold).isTrue();
        assertThat(steps.etag(coordinator, grantId)).isEqualTo("\"1\"");
    }

    @Test
    void onceIdentifiedTheHouseholdIsFoundByItsNextReport() {
        String idNumber = SampleReports.newIdNumber();
        steps.identify(coordinator, reportId, idNumber).expectStatus().isOk();
        Map<String, Object> again = SampleReports.selfReport();
        SampleReports.subjectOf(again).put("idNumber", idNumber);
        JsonNode duplicate = steps.file(tokens.newCitizen(), again);
        assertThat(duplicate.at("/triage/decision").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.at("/triage/linkedReport").asString()).isEqualTo(reportId);
    }

    @Test
    void aSupervisorOfTheCountyMayRecordTheIdentity() {
        steps.identify(tokens.staff(Role.SUPERVISOR, "640104"), reportId, SampleReports.newIdNumber())
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("IDENTIFIED");
    }

    @Test
    void theIdentityOfAHouseholdGrantedInTheWindowCancelsThisGrantAsADuplicate() {
        Map<String, Object> first = SampleReports.selfReport();
        JsonNode granted = steps.file(tokens.newCitizen(), first);
        String idNumber = (String) SampleReports.subjectOf(first).get("idNumber");

        JsonNode answer = steps.body(steps.identify(coordinator, reportId, idNumber).expectStatus().isOk());

        assertThat(answer.get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(answer.get("linkedReport").asString()).isEqualTo(granted.get("id").asString());
        JsonNode report = answer.get("report");
        assertThat(report.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(report.at("/triage/linkedReport").asString()).isEqualTo(granted.get("id").asString());
        assertThat(report.at("/subject/idNumber").asString()).endsWith(idNumber.substring(14));
        assertThat(report.at("/grant/status").asString()).isEqualTo("REVOKED");
        assertThat(report.at("/grant/cancellationReason").asString()).isEqualTo("HOUSEHOLD_GRANTED_WITHIN_WINDOW");
        List<String> types = report.get("history").valueStream().map(event -> event.get("type").asString()).toList();
        assertThat(types).endsWith("IDENTITY_RECORDED", "GRANT_CANCELLED");
        assertThat(last(report.get("history")).at("/detail/linkedReport").asString()).isEqualTo(granted.get("id").asString());

        // No money moved: no payment instruction, and the entitlement is reversed on the ledger.
        assertThat(count("select count(*) from payment_instruction where grant_id = :id")).isZero();
        assertThat(count("select coalesce(sum(amount_fen), 0) from ledger_entry where grant_id = :id")).isZero();
        assertThat(count("select count(*) from ledger_entry where grant_id = :id and kind = 'REVOCATION'")).isEqualTo(1);
        // The household's first grant is untouched.
        assertThat(steps.report(tokens.staff(Role.SUPERVISOR, "640104"), granted.get("id").asString()).at("/grant/status").asString())
                .isEqualTo("AWAITING_DOCUMENTS");
    }

    @Test
    void ofConcurrentIdentitiesForOneReportExactlyOneIsRecorded() {
        List<Integer> statuses = Flux.range(0, 4)
                .flatMap(i -> client().post().uri("/api/v1/reports/{id}/identity", reportId)
                        .header("Authorization", coordinator.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("idNumber", SampleReports.newIdNumber()))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 4)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).containsOnly(200, 409).filteredOn(status -> status == 200).hasSize(1);
        assertThat(count("select count(*) from payment_instruction where grant_id = :id")).isEqualTo(1);
    }

    @Test
    void twoWaitingGrantsOfOneHouseholdIdentifiedAtOnceMakeOnePaymentAndOneDuplicate() {
        JsonNode other = steps.fileHotlineAccidentWithoutIdentity(VILLAGE);
        String idNumber = SampleReports.newIdNumber();
        List<String> outcomes = Flux.just(reportId, other.get("id").asString())
                .flatMap(report -> client().post().uri("/api/v1/reports/{id}/identity", report)
                        .header("Authorization", coordinator.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("idNumber", idNumber)).retrieve().bodyToMono(String.class), 2)
                .map(body -> json.readTree(body).get("outcome").asString())
                .collectList().block(Duration.ofSeconds(30));
        assertThat(outcomes).containsExactlyInAnyOrder("IDENTIFIED", "DUPLICATE");
        long payments = database.sql("select count(*) from payment_instruction where grant_id in (:a, :b)")
                .bind("a", UUID.fromString(grantId)).bind("b", UUID.fromString(other.at("/grant/id").asString()))
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(payments).isEqualTo(1);
    }

    @Test
    void documentsCollectedBeforeTheIdentityCountOnceItIsRecorded() {
        JsonNode waiting = steps.body(steps.attach(coordinator, grantId, "\"0\"", GrantSteps.ACCIDENT_DOCUMENTS).expectStatus().isOk());
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_IDENTITY");
        assertThat(waiting.get("missingDocuments").size()).isZero();
        assertThat(waiting.has("documentsDueAt")).isFalse();

        JsonNode answer = steps.body(steps.identify(coordinator, reportId, SampleReports.newIdNumber()).expectStatus().isOk());
        assertThat(answer.at("/report/grant/status").asString()).isEqualTo("DOCUMENTED");
        assertThat(count("select count(*) from payment_instruction where grant_id = :id")).isEqualTo(1);
    }

    @Test
    void aKnownIdentityIsNeverOverwritten() {
        steps.identify(coordinator, reportId, SampleReports.newIdNumber()).expectStatus().isOk();
        steps.identify(coordinator, reportId, SampleReports.newIdNumber()).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/identity-already-known");
        JsonNode selfReport = steps.fileEmergency(tokens.newCitizen(), VILLAGE);
        steps.identify(coordinator, selfReport.get("id").asString(), SampleReports.newIdNumber()).expectStatus().isEqualTo(409);
        assertThat(count("select count(*) from payment_instruction where grant_id = :id")).isEqualTo(1);
    }

    @Test
    void theIdentityOfAReportWithoutGrantIsRecordedToo() {
        Map<String, Object> body = SampleReports.hotlineReport(VILLAGE, "13900000004");
        JsonNode standard = filings.fileByHotline(tokens.staff(Role.OPERATOR, "640104"), body);
        JsonNode answer = steps.body(steps.identify(coordinator, standard.get("id").asString(), SampleReports.newIdNumber())
                .expectStatus().isOk());
        assertThat(answer.get("outcome").asString()).isEqualTo("IDENTIFIED");
        assertThat(answer.at("/report/status").asString()).isEqualTo("IN_REVIEW");
        assertThat(answer.at("/report/subject/idNumber").asString()).contains("********");
        assertThat(answer.at("/report/grant").isMissingNode()).isTrue();
    }

    @Test
    void anInvalidIdNumberIs400() {
        String wrongCheckDigit = SampleReports.newIdNumber().substring(0, 17) + "Z";
        steps.identify(coordinator, reportId, wrongCheckDigit).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("idNumber");
        assertThat(count("select count(*) from payment_instruction where grant_id = :id")).isZero();
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({
            "CITIZEN, '', 403",
            "OPERATOR, 640104, 403",
            "AUDITOR, 640000, 403",
            "COORDINATOR, 640104001001, 404",
            "SUPERVISOR, 640202, 404"})
    void onlyTheVillagesCoordinatorOrTheCountysSupervisorRecordsTheIdentity(Role role, String region, int status) {
        Caller other = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        steps.identify(other, reportId, SampleReports.newIdNumber()).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(steps.report(coordinator, reportId).at("/grant/status").asString()).isEqualTo("AWAITING_IDENTITY");
    }

    @Test
    void anUnknownReportIs404() {
        steps.identify(coordinator, UUID.randomUUID().toString(), SampleReports.newIdNumber()).expectStatus().isNotFound();
        steps.identify(coordinator, "nope", SampleReports.newIdNumber()).expectStatus().isNotFound();
    }

    WebClient client() {
        return WebClient.create("http://127.0.0.1:" + port);
    }

    long count(String sql) {
        return database.sql(sql).bind("id", UUID.fromString(grantId)).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
