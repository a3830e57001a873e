package org.aidline.api.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ReportIntakeIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Test
    void citizenFilesAReportAndReadsItBack() {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        String idNumber = (String) SampleReports.subjectOf(body).get("idNumber");
        EntityExchangeResult<byte[]> filed = file(citizen, body, UUID.randomUUID().toString())
                .expectStatus().isCreated()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult();
        JsonNode report = json.readTree(filed.getResponseBody());
        String id = report.get("id").asString();
        assertThat(filed.getResponseHeaders().getLocation()).hasToString("/api/v1/reports/" + id);
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
        assertThat(report.get("reference").asString()).matches("[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{2}");
        assertThat(report.get("channel").asString()).isEqualTo("APP");
        assertThat(report.get("status").asString()).isEqualTo("FAST_TRACKED");
        assertThat(report.get("countyCode").asString()).isEqualTo("640104");
        assertThat(report.get("requestedAmount").decimalValue()).isEqualByComparingTo("3000.50");
        assertThat(report.at("/subject/idNumber").asString()).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat(report.at("/subject/phone").asString()).isEqualTo("13800138000");
        assertThat(report.at("/history/0/type").asString()).isEqualTo("RECEIVED");
        assertThat(report.at("/history/0/actor").asString()).isEqualTo(citizen.subject());

        // Read back once notification has opened its task (a moment after the answer): the report as it was answered,
        // its case (an emergency: the steps it owes after payment) and its task's clock.
        tools.jackson.databind.node.ObjectNode readBack = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> (tools.jackson.databind.node.ObjectNode) json.readTree(web.get().uri("/api/v1/reports/{id}", id)
                        .header("Authorization", citizen.bearer()).exchange().expectStatus().isOk().expectBody().returnResult()
                        .getResponseBody()), answer -> answer.has("workOrder"));
        assertThat(readBack.remove("case").path("kind").asString()).isEqualTo("EMERGENCY");
        JsonNode clock = readBack.remove("workOrder");
        assertThat(clock.path("round").asInt()).isEqualTo(1);
        assertThat(clock.path("taskStatus").asString()).isEqualTo("ASSIGNED");
        assertThat(clock.path("light").asString()).isEqualTo("GREEN");
        assertThat((JsonNode) readBack).isEqualTo(report);
    }

    @Test
    void idNumberIsStoredEncryptedWithAHouseholdKeyAndNeverInClear() {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        String idNumber = (String) SampleReports.subjectOf(body).get("idNumber");
        String id = idOf(file(citizen, body, UUID.randomUUID().toString()).expectStatus().isCreated());
        Map<String, Object> row = database.sql("select subject_id_cipher, subject_id_hash, subject_id_masked, "
                        + "row_to_json(report)::text as whole from report where id = :id")
                .bind("id", UUID.fromString(id)).fetch().one().block();
        assertThat(new String(bytes(row.get("subject_id_cipher")), StandardCharsets.ISO_8859_1)).doesNotContain(idNumber.substring(6, 14));
        assertThat(bytes(row.get("subject_id_hash"))).hasSize(32);
        assertThat(row.get("subject_id_masked")).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat((String) row.get("whole")).doesNotContain(idNumber);
    }

    @Test
    void anotherCitizenIsToldTheReportDoesNotExist() {
        String id = idOf(file(tokens.newCitizen(), SampleReports.selfReport(), UUID.randomUUID().toString()).expectStatus().isCreated());
        web.get().uri("/api/v1/reports/{id}", id).header("Authorization", tokens.newCitizen().bearer())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void staffOfTheReportsCountySeeItAndStaffElsewhereDoNot() {
        String id = idOf(file(tokens.newCitizen(), SampleReports.selfReport(), UUID.randomUUID().toString()).expectStatus().isCreated());
        for (Role role : List.of(Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR)) {
            web.get().uri("/api/v1/reports/{id}", id).header("Authorization", tokens.staff(role, "640104").bearer())
                    .exchange().expectStatus().isOk();
            web.get().uri("/api/v1/reports/{id}", id).header("Authorization", tokens.staff(role, "640105").bearer())
                    .exchange().expectStatus().isNotFound();
        }
        web.get().uri("/api/v1/reports/{id}", id).header("Authorization", tokens.staff(Role.COORDINATOR, "640104001001").bearer())
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/reports/{id}", id).header("Authorization", tokens.staff(Role.COORDINATOR, "640104001002").bearer())
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/reports/{id}", id).header("Authorization", tokens.staff(Role.AUDITOR, "640000").bearer())
                .exchange().expectStatus().isOk();
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        Caller citizen = tokens.newCitizen();
        web.get().uri("/api/v1/reports/{id}", UUID.randomUUID()).header("Authorization", citizen.bearer())
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/reports/not-a-uuid").header("Authorization", citizen.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void citizenListsOwnReportsNewestFirstPageByPage() {
        Caller citizen = tokens.newCitizen();
        List<String> filed = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(0, idOf(file(citizen, SampleReports.selfReport(), UUID.randomUUID().toString()).expectStatus().isCreated()));
        }
        file(tokens.newCitizen(), SampleReports.selfReport(), UUID.randomUUID().toString()).expectStatus().isCreated();

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = "/api/v1/me/reports?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = json.readTree(web.get().uri(uri).header("Authorization", citizen.bearer())
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(filed);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void operatorFilesForACallerWithoutTheSubjectsIdNumber() {
        Caller operator = tokens.staff(Role.OPERATOR, "640104");
        Map<String, Object> body = SampleReports.hotlineReport("640104002003", "0951-6012345");
        JsonNode report = json.readTree(fileHotline(operator, body, UUID.randomUUID().toString())
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(report.get("channel").asString()).isEqualTo("HOTLINE");
        assertThat(report.at("/subject/idNumber").isMissingNode()).isTrue();
        assertThat(report.at("/caller/phone").asString()).isEqualTo("09516012345");
        assertThat(report.get("callId").asString()).isEqualTo(body.get("callId"));
    }

    @Test
    void operatorCannotFileForAVillageOutsideTheirRegion() {
        fileHotline(tokens.staff(Role.OPERATOR, "640104"), SampleReports.hotlineReport("640105001001", "13900000000"), UUID.randomUUID().toString())
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/outside-region");
    }

    @Test
    void hotlineReportNeedsACallerAndACallId() {
        Map<String, Object> body = SampleReports.hotlineReport("640104001001", "13900000000");
        body.remove("caller");
        body.remove("callId");
        fileHotline(tokens.staff(Role.OPERATOR, "640104"), body, null)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'caller')]").exists()
                .jsonPath("$.errors[?(@.field == 'callId')]").exists();
    }

    @Test
    void selfReportNeedsTheIdNumberAndCannotClaimACaller() {
        Map<String, Object> body = SampleReports.selfReport();
        SampleReports.subjectOf(body).remove("idNumber");
        body.put("caller", Map.of("phone", "13900000000"));
        file(tokens.newCitizen(), body, UUID.randomUUID().toString())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'subject.idNumber')]").exists()
                .jsonPath("$.errors[?(@.field == 'caller')]").exists();
    }

    @Test
    void operatorsFindReportsOfTheirRegionBySubjectOrCallerPhone() {
        String callerPhone = "139" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        Caller operator = tokens.staff(Role.OPERATOR, "640104");
        String byCaller = idOf(fileHotline(operator, SampleReports.hotlineReport("640104001001", callerPhone), null).expectStatus().isCreated());
        Map<String, Object> selfReport = SampleReports.selfReport();
        SampleReports.subjectOf(selfReport).put("phone", "+86 " + callerPhone);
        String bySubject = idOf(file(tokens.newCitizen(), selfReport, UUID.randomUUID().toString()).expectStatus().isCreated());

        JsonNode found = json.readTree(web.get().uri("/api/v1/reports?phone={phone}", callerPhone)
                .header("Authorization", operator.bearer()).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        List<String> ids = new java.util.ArrayList<>();
        found.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).containsExactly(bySubject, byCaller);

        web.get().uri("/api/v1/reports?phone={phone}", callerPhone)
                .header("Authorization", tokens.staff(Role.OPERATOR, "640105").bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isEmpty();
    }

    @Test
    void meShowsWhoTheTokenSays() {
        Caller coordinator = tokens.staff(Role.COORDINATOR, "640104001001");
        web.get().uri("/api/v1/me").header("Authorization", coordinator.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo(coordinator.subject())
                .jsonPath("$.roles[0]").isEqualTo("COORDINATOR")
                .jsonPath("$.region").isEqualTo("640104001001");
    }

    WebTestClient.ResponseSpec file(Caller citizen, Map<String, Object> body, String idempotencyKey) {
        return filings.report(citizen, body, idempotencyKey);
    }

    WebTestClient.ResponseSpec fileHotline(Caller operator, Map<String, Object> body, String idempotencyKey) {
        return filings.hotline(operator, body, idempotencyKey);
    }

    static byte[] bytes(Object bytea) {
        java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer) bytea).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    String idOf(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectBody().returnResult().getResponseBody()).get("id").asString();
    }
}
