package org.aidline.api.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** For every endpoint, every role that must be refused is refused, with problem+json. */
@IntegrationTest
class AuthorizationIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    JsonMapper json;

    String reportId;

    @BeforeEach
    void aCitizensReportInXingqing() {
        reportId = filings.file(tokens.newCitizen(), SampleReports.selfReport()).get("id").asString();
    }

    /** endpoint, the role refused, its region (null for citizens), the expected status. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("POST /api/v1/reports", Role.OPERATOR, "640104", 403),
                Arguments.of("POST /api/v1/reports", Role.COORDINATOR, "640104001001", 403),
                Arguments.of("POST /api/v1/reports", Role.SUPERVISOR, "640104", 403),
                Arguments.of("POST /api/v1/reports", Role.AUDITOR, "640000", 403),
                Arguments.of("POST /api/v1/hotline/reports", Role.CITIZEN, null, 403),
                Arguments.of("POST /api/v1/hotline/reports", Role.COORDINATOR, "640104001001", 403),
                Arguments.of("POST /api/v1/hotline/reports", Role.SUPERVISOR, "640104", 403),
                Arguments.of("POST /api/v1/hotline/reports", Role.AUDITOR, "640000", 403),
                Arguments.of("POST /api/v1/hotline/reports", Role.OPERATOR, "640105", 403),
                Arguments.of("GET /api/v1/reports/{id}", Role.CITIZEN, null, 404),
                Arguments.of("GET /api/v1/reports/{id}", Role.OPERATOR, "640105", 404),
                Arguments.of("GET /api/v1/reports/{id}", Role.COORDINATOR, "640104001002", 404),
                Arguments.of("GET /api/v1/reports/{id}", Role.SUPERVISOR, "640202", 404),
                Arguments.of("GET /api/v1/reports/{id}", Role.AUDITOR, "640200", 404),
                Arguments.of("GET /api/v1/me/reports", Role.OPERATOR, "640104", 403),
                Arguments.of("GET /api/v1/me/reports", Role.COORDINATOR, "640104001001", 403),
                Arguments.of("GET /api/v1/me/reports", Role.SUPERVISOR, "640104", 403),
                Arguments.of("GET /api/v1/me/reports", Role.AUDITOR, "640000", 403),
                Arguments.of("GET /api/v1/reports?phone=13800138000", Role.CITIZEN, null, 403),
                Arguments.of("GET /api/v1/reports?phone=13800138000", Role.COORDINATOR, "640104001001", 403),
                Arguments.of("GET /api/v1/reports?phone=13800138000", Role.AUDITOR, "640000", 403));
    }

    @ParameterizedTest(name = "{0} as {1} of {2} -> {3}")
    @MethodSource("refusals")
    void refused(String endpoint, Role role, String region, int status) {
        String token = role == Role.CITIZEN ? tokens.newCitizen().token() : tokens.staff(role, region).token();
        call(endpoint, "Bearer " + token)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<String> endpoints() {
        return Stream.of("POST /api/v1/reports", "POST /api/v1/hotline/reports", "GET /api/v1/reports/{id}",
                "GET /api/v1/me/reports", "GET /api/v1/reports?phone=13800138000", "GET /api/v1/me");
    }

    @ParameterizedTest(name = "{0} without a valid token -> 401")
    @MethodSource("endpoints")
    void everyApiEndpointNeedsAValidToken(String endpoint) {
        for (String authorization : List.of("", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz")) {
            call(endpoint, authorization)
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthenticated");
        }
    }

    @ParameterizedTest(name = "{0} with a staff token without region -> 403")
    @MethodSource("endpoints")
    void staffTokensWithoutARegionAreRefused(String endpoint) {
        String token = tokens.issue("op-" + UUID.randomUUID(), List.of(Role.OPERATOR), null);
        call(endpoint, "Bearer " + token).expectStatus().isForbidden();
    }

    @Test
    void aTokenWithoutAnyKnownRoleCannotFile() {
        String token = tokens.issue("nobody-" + UUID.randomUUID(), List.of(), null);
        call("POST /api/v1/reports", "Bearer " + token).expectStatus().isForbidden();
    }

    WebTestClient.ResponseSpec call(String endpoint, String authorization) {
        String[] parts = endpoint.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        String path = parts[1].replace("{id}", reportId);
        WebTestClient.RequestBodySpec request = web.method(method).uri(path)
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (!authorization.isEmpty()) {
            request = request.header("Authorization", authorization);
        }
        if (method == HttpMethod.POST) {
            Map<String, Object> body = path.contains("hotline")
                    ? SampleReports.hotlineReport("640104001001", "13900000000")
                    : SampleReports.selfReport();
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return request.exchange();
    }
}
