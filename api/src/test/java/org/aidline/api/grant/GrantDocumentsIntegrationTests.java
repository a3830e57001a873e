package org.aidline.api.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantDocument;
import org.aidline.intake.grant.GrantEvents;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.Grants;
import org.aidline.intake.report.ReportEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The grant resource and documents later: who sees it, who attaches, and how an old state can never win. */
@IntegrationTest
class GrantDocumentsIntegrationTests {

    static final String VILLAGE = "640104001001";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    @Autowired
    Grants grants;

    @LocalServerPort
    int port;

    GrantSteps steps;
    Caller citizen;
    JsonNode report;
    String grantId;

    @BeforeEach
    void aCitizensEmergencyIsGranted() {
        steps = new GrantSteps(web, tokens, json);
        citizen = tokens.newCitizen();
        report = steps.fileEmergency(citizen, VILLAGE);
        grantId = report.at("/grant/id").asString();
    }

    @Test
    void theGrantShowsWhatIsOwedWithItsVersionAsETag() {
        WebTestClient.ResponseSpec response = steps.get(citizen, grantId).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"");
        JsonNode grant = steps.body(response);
        assertThat(grant.get("id").asString()).isEqualTo(grantId);
        assertThat(grant.get("reportId").asString()).isEqualTo(report.get("id").asString());
        assertThat(grant.get("reportReference").asString()).isEqualTo(report.get("reference").asString());
        assertThat(grant.get("status").asString()).isEqualTo("AWAITING_DOCUMENTS");
        assertThat(grant.get("amount").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(grant.get("awaitingApproval").decimalValue()).isEqualByComparingTo("600.50");
        assertThat(strings(grant.get("requiredDocuments"))).containsExactlyElementsOf(GrantSteps.MEDICAL_DOCUMENTS);
        assertThat(strings(grant.get("missingDocuments"))).containsExactlyElementsOf(GrantSteps.MEDICAL_DOCUMENTS);
        assertThat(grant.get("documents").size()).isZero();
        assertThat(Instant.parse(grant.get("documentsDueAt").asString()))
                .isEqualTo(Instant.parse(report.get("createdAt").asString()).plus(Duration.ofDays(10)));
    }

    @ParameterizedTest(name = "{0} of {1} sees the grant")
    @CsvSource({"COORDINATOR, 640104001001", "OPERATOR, 640104", "SUPERVISOR, 640104", "SUPERVISOR, 640100", "AUDITOR, 640000"})
    void staffOfTheRegionSeeTheGrant(Role role, String region) {
        steps.get(tokens.staff(role, region), grantId).expectStatus().isOk().expectHeader().exists("ETag");
    }

    @ParameterizedTest(name = "{0} of {1} -> 404")
    @CsvSource({"CITIZEN, ''", "COORDINATOR, 640104001002", "OPERATOR, 640105", "SUPERVISOR, 640202", "AUDITOR, 640200"})
    void anyoneElseIsToldTheGrantDoesNotExist(Role role, String region) {
        Caller other = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        steps.get(other, grantId).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "0190f2a4-0000-7000-8000-000000000000"})
    void anUnknownGrantIs404(String id) {
        steps.get(citizen, id).expectStatus().isNotFound();
    }

    @Test
    void theCitizenAttachesDocumentsAndGetsTheNewETag() {
        JsonNode grant = steps.body(steps.attach(citizen, grantId, "\"0\"", List.of("ID", "HOSPITAL_DIAGNOSIS"))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\""));
        assertThat(grant.get("status").asString()).isEqualTo("AWAITING_DOCUMENTS");
        assertThat(strings(grant.get("missingDocuments"))).containsExactly("HOUSEHOLD_REGISTER", "MEDICAL_BILLS");
        assertThat(grant.at("/documents/0/type").asString()).isEqualTo("ID");
        assertThat(grant.at("/documents/0/sha256").asString()).isEqualTo(GrantSteps.SHA256);
        assertThat(grant.at("/documents/0/attachedBy").asString()).isEqualTo(citizen.subject());
        assertThat(Instant.parse(grant.at("/documents/1/attachedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(steps.etag(citizen, grantId)).isEqualTo("\"1\"");

        JsonNode history = steps.report(citizen, report.get("id").asString()).get("history");
        assertThat(types(history)).containsExactly("RECEIVED", "TRIAGED", "GRANTED", "DOCUMENT_ATTACHED", "DOCUMENT_ATTACHED");
        assertThat(history.at("/4/detail/documentType").asString()).isEqualTo("HOSPITAL_DIAGNOSIS");
        assertThat(history.at("/4/actor").asString()).isEqualTo(citizen.subject());
    }

    @Test
    void theLastRequiredDocumentMakesTheGrantDocumented() {
        Caller coordinator = tokens.staff(Role.COORDINATOR, VILLAGE);
        steps.attach(citizen, grantId, "\"0\"", List.of("ID", "HOUSEHOLD_REGISTER")).expectStatus().isOk();
        JsonNode grant = steps.body(steps.attach(coordinator, grantId, "\"1\"", List.of("HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS", "RECEIPT"))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\""));
        assertThat(grant.get("status").asString()).isEqualTo("DOCUMENTED");
        assertThat(grant.get("missingDocuments").size()).isZero();
        assertThat(grant.get("documents").size()).isEqualTo(5);
        assertThat(grant.at("/documents/4/attachedBy").asString()).isEqualTo(coordinator.subject());

        JsonNode seen = steps.report(citizen, report.get("id").asString());
        assertThat(seen.at("/grant/status").asString()).isEqualTo("DOCUMENTED");
        assertThat(seen.at("/grant/missingDocuments").size()).isZero();
        assertThat(types(seen.get("history"))).endsWith("DOCUMENT_ATTACHED", "DOCUMENT_ATTACHED", "DOCUMENT_ATTACHED", "DOCUMENTED");
        assertThat(seen.at("/history/" + (seen.get("history").size() - 1) + "/actor").asString()).isEqualTo(coordinator.subject());
    }

    @Test
    void withoutIfMatchTheAttachmentIs428() {
        steps.attach(citizen, grantId, null, List.of("ID")).expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/precondition-required")
                .jsonPath("$.title").isEqualTo("需要 If-Match 请求头");
        assertThat(steps.etag(citizen, grantId)).isEqualTo("\"0\"");
    }

    @Test
    void aWildcardIfMatchNamesNoStateAndIs428() {
        steps.attach(citizen, grantId, "*", List.of("ID")).expectStatus().isEqualTo(428);
    }

    @ParameterizedTest(name = "If-Match {0} after one attachment -> 412")
    @ValueSource(strings = {"\"0\"", "W/\"1\"", "\"9\"", "\"abc\"", "garbage"})
    void aStaleOrForeignETagIs412AndChangesNothing(String ifMatch) {
        steps.attach(citizen, grantId, "\"0\"", List.of("ID")).expectStatus().isOk();
        web.post().uri("/api/v1/grants/{id}/documents", grantId)
                .header("Authorization", citizen.bearer()).header("If-Match", ifMatch).header("Accept-Language", "zh")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(GrantSteps.documents(List.of("MEDICAL_BILLS"))).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/precondition-failed")
                .jsonPath("$.title").isEqualTo("版本已过期");
        JsonNode grant = steps.body(steps.get(citizen, grantId).expectHeader().valueEquals("ETag", "\"1\""));
        assertThat(grant.get("documents").size()).isEqualTo(1);
    }

    @Test
    void anIfMatchListMatchesIfOneOfItsTagsIsCurrent() {
        steps.attach(citizen, grantId, "\"7\", \"0\"", List.of("ID")).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
    }

    @Test
    void ofConcurrentAttachmentsWithTheSameETagExactlyOneWins() {
        int clients = 6;
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Integer> statuses = Flux.range(0, clients)
                .flatMap(i -> client.post().uri("/api/v1/grants/{id}/documents", grantId)
                        .header("Authorization", citizen.bearer()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(GrantSteps.documents(List.of("ID", "EXTRA_" + i)))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), clients)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        JsonNode grant = steps.body(steps.get(citizen, grantId).expectHeader().valueEquals("ETag", "\"1\""));
        assertThat(grant.get("documents").size()).isEqualTo(2);
        assertThat(count("select count(*) from report_event where report_id = :id and type = 'DOCUMENT_ATTACHED'",
                report.get("id").asString())).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesAWriteDecidedOnAnOldVersion() {
        Grant read = grants.byId(new GrantId(UUID.fromString(grantId))).block().grant();
        GrantDocument id = new GrantDocument("ID", GrantSteps.SHA256, 1, "https://files.example.gov.cn/id.jpg", citizen.subject(), Instant.now());
        Grant attached = read.attach(List.of(id));
        List<ReportEvent> events = GrantEvents.attached(read, attached, List.of(id), citizen.subject(), id.attachedAt());
        // Both writes were decided on version 0, as two instances might after the same read: only the first is stored.
        assertThat(grants.attach(read, attached, events).block()).isEqualTo(1);
        assertThat(grants.attach(read, attached, events).blockOptional()).isEmpty();
        assertThat(steps.body(steps.get(citizen, grantId)).get("documents").size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "a {0} grant takes no documents")
    @ValueSource(strings = {"REVOKED", "CONFIRMED"})
    void aGrantWithTheSupervisorsLastWordIs409(String status) {
        // The county supervisor has the last word, through the review itself (which keeps the ledger whole).
        web.post().uri("/api/v1/grants/{id}/review", grantId)
                .header("Authorization", tokens.staff(org.aidline.intake.access.Role.SUPERVISOR, "640104").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("outcome", status.equals("REVOKED") ? "REVOKE" : "CONFIRM", "reason", "decided on the file"))
                .exchange().expectStatus().isOk();
        String current = web.get().uri("/api/v1/grants/{id}", grantId).header("Authorization", citizen.bearer())
                .exchange().expectStatus().isOk().returnResult(Void.class).getResponseHeaders().getETag();
        steps.attach(citizen, grantId, current, List.of("ID")).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/grant-closed");
    }

    @ParameterizedTest(name = "{0} of {1} attaching -> {2}")
    @CsvSource({
            "CITIZEN, '', 404",
            "COORDINATOR, 640104001002, 404",
            "OPERATOR, 640104, 403",
            "SUPERVISOR, 640104, 403",
            "SUPERVISOR, 640202, 403",
            "AUDITOR, 640000, 403"})
    void onlyTheFilingCitizenAndTheVillagesCoordinatorAttach(Role role, String region, int status) {
        Caller other = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        steps.attach(other, grantId, "\"0\"", List.of("ID")).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(steps.etag(citizen, grantId)).isEqualTo("\"0\"");
    }

    @Test
    void withoutATokenTheGrantEndpointsAre401() {
        web.get().uri("/api/v1/grants/{id}", grantId).exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/grants?status=OVERDUE").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/grants/{id}/documents", grantId).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(GrantSteps.documents(List.of("ID"))).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void documentMetadataIsValidatedAsReportAttachmentsAre() {
        Map<String, Object> bad = GrantSteps.document("ID");
        bad.put("sha256", GrantSteps.SHA256.toUpperCase());
        bad.put("uri", "file:///etc/passwd");
        web.post().uri("/api/v1/grants/{id}/documents", grantId)
                .header("Authorization", citizen.bearer()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("documents", List.of(bad))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("documents[0].sha256", "documents[0].uri"));
        web.post().uri("/api/v1/grants/{id}/documents", grantId)
                .header("Authorization", citizen.bearer()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("documents", List.of())).exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/api/v1/grants/{id}/documents", grantId)
                .header("Authorization", citizen.bearer()).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("documents", IntStream.range(0, 21).mapToObj(i -> GrantSteps.document("X" + i)).toList())).exchange()
                .expectStatus().isBadRequest();
    }

    long count(String sql, String id) {
        return database.sql(sql).bind("id", UUID.fromString(id)).map(row -> row.get(0, Long.class)).one().block();
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    static List<String> types(JsonNode history) {
        return history.valueStream().map(event -> event.get("type").asString()).toList();
    }
}
