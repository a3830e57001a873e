package org.aidline.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Redis is unreachable (nothing listens on its port): reports are still taken, once each. */
@IntegrationTest
@TestPropertySource(properties = {"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1"})
class RedisOutageIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void reportsAreTakenAndConcurrentRetriesStillFileOnce() {
        Caller citizen = tokens.newCitizen();
        List<ResponseEntity<String>> responses = ConcurrentFiling.fire(port, citizen, SampleReports.selfReport(), UUID.randomUUID().toString(), 50);

        long filed = database.sql("select count(*) from report where filed_by = :who").bind("who", citizen.subject())
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(filed).isEqualTo(1);
        // Without Redis nobody can tell a retry is in flight: PostgreSQL's unique receipt makes each wait, then replay.
        // Those beyond the instance's filings in flight are shed at once (503, nothing done).
        List<ResponseEntity<String>> taken = responses.stream().filter(response -> response.getStatusCode().value() != 503).toList();
        assertThat(taken).isNotEmpty().allSatisfy(response -> assertThat(response.getStatusCode().value()).isEqualTo(201));
        assertThat(taken.stream().map(ResponseEntity::getBody).distinct()).hasSize(1);
        assertThat(responses).filteredOn(response -> response.getStatusCode().value() == 503)
                .allSatisfy(response -> assertThat(response.getBody()).contains("\"mayHaveBeenApplied\":false"));
        assertThat(meters.get("aidline.idempotency.redis.unavailable").counter().count()).isPositive();
        assertThat(meters.get("aidline.ratelimit.failed.open").counter().count()).isPositive();
    }

    @Test
    void aDifferentBodyUnderAUsedKeyIsStillRefused() {
        Caller citizen = tokens.newCitizen();
        String key = UUID.randomUUID().toString();
        file(citizen, SampleReports.selfReport(), key).expectStatus().isCreated();
        file(citizen, SampleReports.selfReport(), key).expectStatus().isEqualTo(422);
    }

    @Test
    void healthStaysUpAndShowsRedisDegraded() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
    }

    WebTestClient.ResponseSpec file(Caller citizen, Map<String, Object> body, String key) {
        return filings.report(citizen, body, key);
    }
}
