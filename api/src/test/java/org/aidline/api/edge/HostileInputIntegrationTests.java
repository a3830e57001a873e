package org.aidline.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.RawHttp;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What contract-driven fuzzing found answered 5xx or without a problem body, each now a 4xx
 * problem: the six causes of a 500 (a NUL in a query parameter name, an unreadable
 * Accept-Language, an instant PostgreSQL cannot store, a NUL inside JSON, a null role, non-ASCII
 * bytes in Idempotency-Key), and the server's own limits (URI, headers, unknown methods).
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    org.springframework.data.redis.core.ReactiveStringRedisTemplate redis;

    @Test
    void aForwardedForFromAPeerThatIsNoTrustedProxyChoosesNoAddress() {
        // No trusted proxies here: the test client (127.0.0.1) is the client, whatever it claims to forward.
        String claimed = "203.0.113." + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(254));
        filings.reportRequest(tokens.newCitizen().bearer(), Filings.newKey()).header("X-Forwarded-For", claimed)
                .header("Forwarded", "for=" + claimed).contentType(MediaType.APPLICATION_JSON).bodyValue(SampleReports.selfReport())
                .exchange().expectStatus().isCreated();

        assertThat(redis.keys("aidline:ratelimit:address:" + claimed + ":*").collectList().block()).isEmpty();
        assertThat(redis.keys("aidline:ratelimit:address:127.0.0.1:*").collectList().block()).isNotEmpty();
    }

    @Test
    void aNulInAQueryParameterNameIsARejectedRequest() throws IOException {
        String operator = tokens.staff(Role.OPERATOR, "640104").bearer();
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response answer = http.exchange("GET /api/v1/reports?%00=1 HTTP/1.1\r\nAuthorization: " + operator);
            assertProblem(answer, 400, "/problems/rejected-request");
        }
    }

    @Test
    void anUnreadableAcceptLanguageIsAnsweredInTheDefaultChinese() {
        web.get().uri("/api/v1/me").header("Accept-Language", "-").header("Authorization", tokens.newCitizen().bearer())
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/me").header("Accept-Language", "-").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("需要身份认证");
    }

    static Stream<String> instantsBeyondTheDatabase() {
        return Stream.of("/api/v1/statistics?from=%s", "/api/v1/statistics?to=%s", "/api/v1/supervision/queues?from=%s",
                "/api/v1/exports/reports.csv?to=%s", "/api/v1/notifications/dead-letters?before=%s");
    }

    @ParameterizedTest
    @MethodSource("instantsBeyondTheDatabase")
    void anInstantPostgresqlCannotStoreIsABadParameter(String path) {
        String supervisor = tokens.staff(Role.SUPERVISOR, "640104").bearer();
        for (String instant : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z"}) {
            web.get().uri(String.format(path, instant.replace("+", "%2B"))).header("Authorization", supervisor)
                    .accept(MediaType.ALL)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/bad-parameter");
        }
        web.get().uri(String.format(path, "9999-12-31T23:59:59Z")).header("Authorization", supervisor).accept(MediaType.ALL)
                .exchange().expectStatus().isOk();
    }

    @Test
    void aNulInsideAJsonStringIsAMalformedFieldAndTheKeyIsNotSpent() {
        Tokens.Caller citizen = tokens.newCitizen();
        String key = Filings.newKey();
        Map<String, Object> body = SampleReports.selfReport();
        String clean = String.valueOf(body.get("description"));
        body.put("description", clean + "\u0000 and after");
        filings.report(citizen, body, key)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/malformed-body")
                .jsonPath("$.errors[0].field").isEqualTo("description");
        body.put("description", clean);
        filings.report(citizen, body, key).expectStatus().isCreated();
    }

    /** Found by ContractFuzzTests (seed 9085354921906): the same instant in a JSON body reached PostgreSQL. */
    @Test
    void anInstantPostgresqlCannotStoreInAJsonBodyIsAMalformedField() {
        String coordinator = tokens.staff(Role.COORDINATOR, "640104001001").bearer();
        web.put().uri("/api/v1/coordinator/availability").header("Authorization", coordinator).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"available\":false,\"until\":\"+999999999-12-31T23:59:59Z\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/malformed-body")
                .jsonPath("$.errors[0].field").isEqualTo("until");
    }

    @Test
    void aNullRoleInADevelopmentTokenRequestIsInvalid() {
        web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"someone\",\"roles\":[null]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/validation");
    }

    @Test
    void nonAsciiBytesInAnIdempotencyKeyAreRefusedWithAProblem() throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response answer = http.exchange("POST /api/v1/reports HTTP/1.1\r\nAuthorization: " + tokens.newCitizen().bearer()
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: cl\u00e9-\u00ff\u00fe", body);
            assertThat(answer.status()).isBetween(400, 499);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        }
    }

    @Test
    void nonAsciiBytesInAuthorizationOrTheQueryAreProblems() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response answer = http.exchange("GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer \u00e9\u00ff");
            assertThat(answer.status()).isBetween(400, 499);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        }
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response answer = http.exchange("GET /api/v1/reports?q=\u00e9\u00ff HTTP/1.1\r\nAuthorization: "
                    + tokens.staff(Role.OPERATOR, "640104").bearer());
            assertThat(answer.status()).isBetween(400, 499);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        }
    }

    @Test
    void anUnknownMethodOrARejectedPathIsAProblem() throws IOException {
        for (String requestLine : new String[] {"FROB /api/v1/me HTTP/1.1", "GET /api/v1/reports/%2e%2e/%2fetc HTTP/1.1",
                "GET /api/v1/reports/a;b HTTP/1.1", "GET /api/v1//me HTTP/1.1"}) {
            try (RawHttp http = new RawHttp(port)) {
                RawHttp.Response answer = http.exchange(requestLine);
                assertThat(answer.status()).as(requestLine).isBetween(400, 499);
                assertThat(answer.contentType()).as(requestLine).startsWith(PROBLEM_JSON);
            }
        }
    }

    @Test
    void aUriOrHeadersOverTheLimitsAreProblems() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            assertProblem(http.exchange("GET /api/v1/me?q=" + "a".repeat(5_000) + " HTTP/1.1"), 414, "/problems/uri-too-long");
        }
        try (RawHttp http = new RawHttp(port)) {
            assertProblem(http.exchange("GET /api/v1/me HTTP/1.1\r\nX-Padding: " + "a".repeat(9_000)), 431, "/problems/headers-too-large");
        }
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.exchange("GET /api/v1/me?q=" + "a".repeat(3_000) + " HTTP/1.1\r\nX-Padding: " + "a".repeat(4_000)).status())
                    .as("under both limits").isEqualTo(401);
        }
    }

    private static void assertProblem(RawHttp.Response answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        assertThat(answer.body()).contains("\"type\":\"" + type + "\"");
    }
}
