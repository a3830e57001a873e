package org.aidline.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aidline.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operations gauges as Prometheus scrapes them, from the management port (as production runs it), moving with the
 * database: an audit event left unsealed while the sealer's lock is held shows in the unsealed count and age.
 */
@IntegrationTest
@TestPropertySource(properties = {"management.server.port=0", "aidline.metrics.poll-interval=200ms"})
class OperationsMetricsIntegrationTests {

    // The advisory lock seal_audit_events takes (V10__audit_trail.sql): held here, no instance seals.
    static final String SEALER_LOCK = "hashtext('aidline.audit.sealer')";

    @LocalManagementPort
    int managementPort;

    @Autowired
    WebTestClient web;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    DatabaseClient database;

    @Test
    void theActuatorAnswersOnTheManagementPortOnly() {
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        // Not on the API port, which is all the Ingress reaches.
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    @Test
    void everyOperationsGaugeIsPublishedWithItsTags() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape()).containsKeys(
                "aidline_outbox_oldest_age_seconds{outbox=\"notification\"}",
                "aidline_outbox_oldest_age_seconds{outbox=\"platform-exchange\"}",
                "aidline_outbox_pending{outbox=\"notification\"}",
                "aidline_outbox_dead_letters{outbox=\"notification\"}",
                "aidline_outbox_dead_letters{outbox=\"platform-exchange\"}",
                "aidline_audit_unsealed_events",
                "aidline_audit_unsealed_oldest_age_seconds",
                "aidline_payments_backlog{source=\"grants\"}",
                "aidline_payments_backlog{source=\"registry\"}",
                "aidline_payments_backlog_oldest_age_seconds{source=\"grants\"}",
                "resilience4j_circuitbreaker_state{name=\"redis\",state=\"closed\"}"));
        // Read from the database, not NaN: the poll ran.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape().get("aidline_outbox_dead_letters{outbox=\"notification\"}"))
                .isNotNaN().isGreaterThanOrEqualTo(0));
    }

    @Test
    void anUnsealedAuditEventShowsInTheCountAndTheAgeUntilItIsSealed() {
        Connection holder = Mono.from(connections.create()).block();
        try {
            Flux.from(holder.createStatement("select pg_advisory_lock(" + SEALER_LOCK + ")").execute())
                    .flatMap(result -> result.map((row, meta) -> 1)).blockLast();
            // An event stamped an hour ago, as one an outage of the sealer would leave behind.
            database.sql("insert into audit_event (actor, entity_type, entity_id, action, at) "
                    + "values ('operations-test', 'operations_test', 'unsealed-1', 'INSERT', clock_timestamp() - interval '1 hour')")
                    .then().block();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Double> metrics = scrape();
                assertThat(metrics.get("aidline_audit_unsealed_events")).isGreaterThanOrEqualTo(1);
                assertThat(metrics.get("aidline_audit_unsealed_oldest_age_seconds")).isGreaterThanOrEqualTo(3600);
            });
        } finally {
            // Closing the session releases its advisory lock.
            Mono.from(holder.close()).block();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(scrape().get("aidline_audit_unsealed_oldest_age_seconds")).isLessThan(3600));
    }

    WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Every series of the scrape without comments, by name and labels, to its value. */
    Map<String, Double> scrape() {
        Map<String, Double> series = new HashMap<>();
        Pattern row = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)");
        for (String chunk : management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().collectList().block()) {
            for (String line : chunk.split("\n")) {
                Matcher matcher = row.matcher(line);
                if (matcher.find()) {
                    series.put(matcher.group(1).replaceAll(",?application=\"aidline\",?", "").replace("{}", ""),
                            Double.parseDouble(matcher.group(2).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
                }
            }
        }
        return series;
    }
}
