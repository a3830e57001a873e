package org.aidline.api.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.aidline.api.support.RegistryAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two registries played by WireMock: vehicle registrations (public security) and bank deposits. */
@IntegrationTest
class VerificationIntegrationTests {

    @RegisterExtension
    static WireMockExtension vehicles = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension deposits = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void registries(DynamicPropertyRegistry registry) {
        registry.add("aidline.verification.registries[0].name", () -> "vehicles");
        registry.add("aidline.verification.registries[0].base-url", vehicles::baseUrl);
        registry.add("aidline.verification.registries[1].name", () -> "deposits");
        registry.add("aidline.verification.registries[1].base-url", deposits::baseUrl);
        registry.add("aidline.verification.poll-interval", () -> "PT0.1S");
        registry.add("aidline.verification.first-retry", () -> "PT0.1S");
        registry.add("aidline.verification.max-retry", () -> "PT0.2S");
        registry.add("aidline.verification.lease", () -> "PT10S");
        registry.add("aidline.verification.max-attempts", () -> "3");
        registry.add("aidline.verification.timeout", () -> "PT3S");
    }

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

    @BeforeEach
    void registriesFindNothingByDefault() {
        vehicles.stubFor(post(urlEqualTo("/registry/sync/search")).atPriority(10).willReturn(answer("succ", "[]")));
        deposits.stubFor(post(urlEqualTo("/registry/sync/search")).atPriority(10).willReturn(answer("succ", "[]")));
    }

    @Test
    void grantedHouseholdIsCheckedAfterTheGrantAndIsClearWhenNoRegistryHoldsAnything() {
        Map<String, Object> body = SampleReports.selfReport();
        String idNumber = (String) SampleReports.subjectOf(body).get("idNumber");
        String grant = file(body).at("/grant/id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> verdict(grant).equals("CLEAR"));
        for (WireMockExtension registry : new WireMockExtension[] {vehicles, deposits}) {
            registry.verify(com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(1), postRequestedFor(urlEqualTo("/registry/sync/search"))
                    .withRequestBody(matchingJsonPath("$.header.action", com.github.tomakehurst.wiremock.client.WireMock.equalTo("search")))
                    .withRequestBody(matchingJsonPath("$.message.search_request[0].search_criteria.query.value",
                            com.github.tomakehurst.wiremock.client.WireMock.equalTo(idNumber))));
        }
    }

    @Test
    void anEmergencyNeverWaitsForARegistry() {
        vehicles.stubFor(post(urlEqualTo("/registry/sync/search")).atPriority(1)
                .willReturn(answer("succ", "[]").withFixedDelay(800)));
        JsonNode report = file(SampleReports.selfReport());
        // Answered with the grant while the registry has not been asked or is still thinking.
        assertThat(report.at("/triage/decision").asString()).isEqualTo("FAST_TRACK");
        assertThat(verdict(report.at("/grant/id").asString())).isIn("NOT_STARTED", "PENDING");
    }

    @Test
    void aFindingFlagsTheGrantForTheCountySupervisor() {
        Map<String, Object> body = SampleReports.selfReport();
        String idNumber = (String) SampleReports.subjectOf(body).get("idNumber");
        vehicles.stubFor(post(urlEqualTo("/registry/sync/search")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.search_request[0].search_criteria.query.value",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(idNumber)))
                .willReturn(answer("succ", "[{\\\"item\\\": \\\"MOTOR_VEHICLES\\\", \\\"plate\\\": \\\"宁A12345\\\", \\\"registered\\\": \\\"2024-05-01\\\"}]")));
        JsonNode report = file(body);
        String grant = report.at("/grant/id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> verdict(grant).equals("FLAGGED"));
        JsonNode flagged = json.readTree(web.get().uri("/api/v1/verifications?status=FLAGGED&limit=100")
                .header("Authorization", tokens.staff(Role.SUPERVISOR, "640104").bearer())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        JsonNode mine = null;
        for (JsonNode item : flagged.get("items")) {
            if (item.get("grantId").asString().equals(grant)) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.toString()).contains("MOTOR_VEHICLES", "宁A12345");
        web.get().uri("/api/v1/verifications?status=FLAGGED&limit=100")
                .header("Authorization", tokens.staff(Role.SUPERVISOR, "640105").bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.grantId == '" + grant + "')]").doesNotExist();
        web.get().uri("/api/v1/reports/{id}", report.get("id").asString())
                .header("Authorization", tokens.staff(Role.SUPERVISOR, "640104").bearer())
                .exchange().expectBody().jsonPath("$.history[?(@.type == 'VERIFIED')].detail.verification").isEqualTo("FLAGGED");
    }

    @Test
    void aRegistryThatStaysDownCountsAsUnavailableAfterItsAttempts() {
        Map<String, Object> body = SampleReports.selfReport();
        String idNumber = (String) SampleReports.subjectOf(body).get("idNumber");
        deposits.stubFor(post(urlEqualTo("/registry/sync/search")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.search_request[0].search_criteria.query.value",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(idNumber)))
                .willReturn(aResponse().withStatus(503)));
        String grant = file(body).at("/grant/id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> verdict(grant).equals("UNAVAILABLE"));
        assertThat(attempts(grant, "deposits")).isEqualTo(3);
        assertThat(note(grant, "deposits")).startsWith("gave up after 3 attempts");
    }

    @Test
    void aRefusedSearchIsUnavailableWithoutAskingAgain() {
        Map<String, Object> body = SampleReports.selfReport();
        String idNumber = (String) SampleReports.subjectOf(body).get("idNumber");
        deposits.stubFor(post(urlEqualTo("/registry/sync/search")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.search_request[0].search_criteria.query.value",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(idNumber)))
                .willReturn(answer("rjct", "[]")));
        String grant = file(body).at("/grant/id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> verdict(grant).equals("UNAVAILABLE"));
        // A busy machine may time out an attempt before the refusal arrives; after the refusal nobody asks again.
        assertThat(note(grant, "deposits")).startsWith("rjct");
        assertThat(deposits.findAll(postRequestedFor(urlEqualTo("/registry/sync/search"))
                .withRequestBody(matchingJsonPath("$.message.search_request[0].search_criteria.query.value",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(idNumber))))).hasSize(attempts(grant, "deposits"));
    }

    @Test
    void aGrantAwaitingIdentityIsNotCheckedYet() {
        Map<String, Object> body = SampleReports.hotlineReport("640104001001", "13900000003");
        body.put("category", "ACCIDENT");
        body.put("urgent", true);
        JsonNode report = filings.fileByHotline(tokens.staff(Role.OPERATOR, "640104"), body);
        String grant = report.at("/grant/id").asString();
        // Another grant, filed after it, is checked: the rounds have run past this one.
        String later = file(SampleReports.selfReport()).at("/grant/id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> verdict(later).equals("CLEAR"));
        assertThat(verdict(grant)).isEqualTo("NOT_STARTED");
    }

    @Test
    void onlySupervisorsAndAuditorsSeeTheQueue() {
        for (Role refused : new Role[] {Role.OPERATOR, Role.COORDINATOR}) {
            web.get().uri("/api/v1/verifications").header("Authorization", tokens.staff(refused, "640104").bearer())
                    .exchange().expectStatus().isForbidden();
        }
        web.get().uri("/api/v1/verifications").header("Authorization", tokens.newCitizen().bearer())
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/verifications").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/verifications?status=MAYBE").header("Authorization", tokens.staff(Role.AUDITOR, "640000").bearer())
                .exchange().expectStatus().isBadRequest();
    }

    /** An SPDCI search response echoing the request's reference, with the given status and records. */

    JsonNode file(Map<String, Object> body) {
        return filings.file(tokens.newCitizen(), body);
    }

    String verdict(String grant) {
        return database.sql("select verification_status from aid_grant where id = :id").bind("id", UUID.fromString(grant))
                .map(row -> row.get(0, String.class)).one().block();
    }

    String note(String grant, String registry) {
        return database.sql("select last_error from verification where grant_id = :id and registry = :registry")
                .bind("id", UUID.fromString(grant)).bind("registry", registry)
                .map(row -> row.get(0, String.class)).one().block();
    }

    int attempts(String grant, String registry) {
        return database.sql("select attempts from verification where grant_id = :id and registry = :registry")
                .bind("id", UUID.fromString(grant)).bind("registry", registry)
                .map(row -> row.get(0, Integer.class)).one().block();
    }
}
