package org.aidline.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Test
    void healthIsUpWithTheDatabaseAndRedis() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusCountsAndTimesIntake() {
        fileOne(SampleReports.selfReport());
        // Read line by line: the whole scrape outgrows the 64 KB a single decoded body may have as endpoints are added.
        String metrics = String.join("\n", web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody().collectList().block());
        assertThat(metrics).contains("aidline_intake_reports_total{channel=\"APP\"");
        assertThat(metrics).contains("aidline_intake_duration_seconds_bucket{channel=\"APP\"");
        // HTTP server requests stay timed; Spring Security's per-filter observations are off (hot-path CPU, issue 6).
        assertThat(metrics).contains("http_server_requests_seconds_count{").contains("uri=\"/api/v1/reports\"");
        assertThat(metrics).doesNotContain("spring_security_");
    }

    @Test
    void logsNeverCarryTheIdNumber(CapturedOutput output) {
        Map<String, Object> good = SampleReports.selfReport();
        fileOne(good);
        Map<String, Object> bad = SampleReports.selfReport();
        bad.put("villageCode", "640104099099");
        filings.report(tokens.newCitizen(), bad).expectStatus().isEqualTo(422);
        assertThat(output.getAll()).doesNotContain((String) SampleReports.subjectOf(good).get("idNumber"),
                (String) SampleReports.subjectOf(bad).get("idNumber"));
    }

    @Test
    void swaggerUiAndTheContractAreServed() {
        // The first request for the contract computes it (springdoc, all CPU): up to half a minute on a busy build machine.
        web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).responseTimeout(java.time.Duration.ofMinutes(2)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        web.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    void fileOne(Map<String, Object> body) {
        filings.report(tokens.newCitizen(), body).expectStatus().isCreated();
    }
}
