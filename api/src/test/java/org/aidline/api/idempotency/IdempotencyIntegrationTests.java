package org.aidline.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.report.web.ReportRendering;
import org.aidline.api.report.web.ReportRequest;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class IdempotencyIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisIdempotencyKeys keys;

    @Autowired
    ReportRendering rendering;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void retryAnswersTheFirstResponseWithoutASecondReport() {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        String key = UUID.randomUUID().toString();
        EntityExchangeResult<byte[]> first = file(citizen, body, key).expectStatus().isCreated().expectBody().returnResult();
        EntityExchangeResult<byte[]> retry = file(citizen, body, key).expectStatus().isCreated()
                .expectHeader().valueEquals(IdempotentFiling.REPLAYED_HEADER, "true")
                .expectBody().returnResult();
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(reportsFiledBy(citizen)).isEqualTo(1);
    }

    @Test
    void retryAfterRedisForgotTheKeyIsAnsweredFromTheDatabase() {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        String key = UUID.randomUUID().toString();
        byte[] first = file(citizen, body, key).expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        redis.delete("aidline:idempotency:" + citizen.subject() + ":" + key).block();

        byte[] retry = file(citizen, body, key).expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        assertThat(retry).isEqualTo(first);
        assertThat(reportsFiledBy(citizen)).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefused() {
        Caller citizen = tokens.newCitizen();
        String key = UUID.randomUUID().toString();
        file(citizen, SampleReports.selfReport(), key).expectStatus().isCreated();
        file(citizen, SampleReports.selfReport(), key)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused");
        assertThat(reportsFiledBy(citizen)).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedEvenWhenOnlyTheDatabaseRemembers() {
        Caller citizen = tokens.newCitizen();
        String key = UUID.randomUUID().toString();
        file(citizen, SampleReports.selfReport(), key).expectStatus().isCreated();
        redis.delete("aidline:idempotency:" + citizen.subject() + ":" + key).block();
        file(citizen, SampleReports.selfReport(), key).expectStatus().isEqualTo(422);
        assertThat(reportsFiledBy(citizen)).isEqualTo(1);
    }

    @Test
    void retryWhileTheFirstRequestIsStillRunningIsAConflict() {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        String key = UUID.randomUUID().toString();
        String fingerprint = IdempotentFiling.fingerprint(
                rendering.canonical("/api/v1/reports", json.convertValue(body, ReportRequest.class)));
        // The first request has claimed the key and not finished.
        assertThat(keys.claim(citizen.subject(), key, fingerprint).block()).isInstanceOf(KeyState.Claimed.class);

        file(citizen, body, key)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/request-in-flight");
        assertThat(reportsFiledBy(citizen)).isZero();
    }

    @Test
    void keysBelongToTheirOwnerOnly() {
        String key = UUID.randomUUID().toString();
        Caller first = tokens.newCitizen();
        Caller second = tokens.newCitizen();
        file(first, SampleReports.selfReport(), key).expectStatus().isCreated();
        file(second, SampleReports.selfReport(), key).expectStatus().isCreated();
        assertThat(reportsFiledBy(first)).isEqualTo(1);
        assertThat(reportsFiledBy(second)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        String key = UUID.randomUUID().toString();
        body.put("villageCode", "640104999999");
        file(citizen, body, key).expectStatus().isEqualTo(422);
        body.put("villageCode", "640104001001");
        file(citizen, body, key).expectStatus().isCreated();
    }

    @Test
    void citizensMustSendAKey() {
        filings.report(tokens.newCitizen(), SampleReports.selfReport(), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-missing");
    }

    @Test
    void keysAreVisibleAsciiOfAtMost255Characters() {
        file(tokens.newCitizen(), SampleReports.selfReport(), "k".repeat(256))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-invalid");
    }

    @Test
    void fiftyConcurrentIdenticalRequestsFileExactlyOneReport() {
        Caller citizen = tokens.newCitizen();
        List<ResponseEntity<String>> responses = ConcurrentFiling.fire(port, citizen, SampleReports.selfReport(), UUID.randomUUID().toString(), 50);

        assertThat(reportsFiledBy(citizen)).isEqualTo(1);
        // 503 when more arrive at once than an instance takes (aidline.edge.max-in-flight-filings): shed, nothing done.
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.getStatusCode().value()).isIn(201, 409, 503);
            if (response.getStatusCode().value() == 503) {
                assertThat(response.getBody()).contains("\"mayHaveBeenApplied\":false");
            }
        });
        List<String> created = responses.stream().filter(r -> r.getStatusCode().value() == 201).map(ResponseEntity::getBody).distinct().toList();
        assertThat(created).hasSize(1);
    }

    @Test
    void hotlineRequestsMayUseKeysToo() {
        Caller operator = tokens.staff(Role.OPERATOR, "640104");
        Map<String, Object> body = SampleReports.hotlineReport("640104001001", "13912345678");
        String key = UUID.randomUUID().toString();
        byte[] first = filings.hotline(operator, body, key).expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        byte[] retry = filings.hotline(operator, body, key).expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        assertThat(retry).isEqualTo(first);
        assertThat(reportsFiledBy(new Caller(operator.subject(), operator.token()))).isEqualTo(1);
    }

    WebTestClient.ResponseSpec file(Caller citizen, Map<String, Object> body, String key) {
        return filings.report(citizen, body, key);
    }

    long reportsFiledBy(Caller caller) {
        return database.sql("select count(*) from report where filed_by = :who").bind("who", caller.subject())
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
