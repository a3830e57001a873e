package org.aidline.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.aidline.api.support.FaultyLink;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Outages of what the service stands on, played on an instance of its own whose PostgreSQL or Redis
 * is reached through a link the test cuts and restores (the servers themselves, shared with the
 * other tests, are left alone).
 */
@IntegrationTest
class OutageIntegrationTests {

    @Autowired
    Environment environment;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    DatabaseClient database;

    @Test
    void aStoppedDatabaseIs503WithRetryAfterAndTheSameKeyFilesOnceItIsBack() throws Exception {
        String url = environment.getRequiredProperty("spring.r2dbc.url");
        int databasePort = Integer.parseInt(url.replaceAll(".*://[^:/]+:(\\d+)/.*", "$1"));
        try (FaultyLink link = FaultyLink.to(databasePort);
                SecondInstance instance = SecondInstance.sharing(environment,
                        "spring.r2dbc.url=" + url.replace(":" + databasePort + "/", ":" + link.port() + "/"))) {
            Filings onIt = filings.through(client(instance));
            Tokens.Caller citizen = tokens.newCitizen();
            onIt.report(citizen, SampleReports.selfReport(), Filings.newKey()).expectStatus().isCreated();

            link.cut();
            String key = Filings.newKey();
            Map<String, Object> body = SampleReports.selfReport();
            onIt.report(citizen, body, key)
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("/problems/unavailable")
                    .jsonPath("$.mayHaveBeenApplied").isEqualTo(true);

            link.restore();
            long back = System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> onIt.report(citizen, body, key).returnResult(String.class).getStatus().value() == 201);
            System.out.printf("Database back: filing with the same key accepted after %d ms%n", (System.nanoTime() - back) / 1_000_000);
            assertThat(reportsFiledBy(citizen)).as("the first filing and the retried one, once").isEqualTo(2);
        }
    }

    @Test
    void aDownRedisIsSkippedAtOnceAndUsedAgainWithinTwoSecondsOfItsReturn() throws Exception {
        int redisPort = Integer.parseInt(environment.getRequiredProperty("spring.data.redis.port"));
        try (FaultyLink link = FaultyLink.to(redisPort);
                SecondInstance instance = SecondInstance.sharing(environment, "spring.data.redis.port=" + link.port())) {
            WebTestClient client = client(instance);
            Filings onIt = filings.through(client);
            Tokens.Caller citizen = tokens.newCitizen();
            onIt.report(citizen, SampleReports.selfReport(), Filings.newKey()).expectStatus().isCreated();
            assertThat(circuitOpen(client)).isFalse();

            link.cut();
            for (int filing = 0; filing < 6; filing++) {
                onIt.report(citizen, SampleReports.selfReport(), Filings.newKey()).expectStatus().isCreated();
            }
            assertThat(circuitOpen(client)).as("after a few failures Redis is skipped").isTrue();
            // Skipped, not waited for: a filing no longer spends Redis's timeouts (3 x 500 ms before the breaker).
            long started = System.nanoTime();
            onIt.report(citizen, SampleReports.selfReport(), Filings.newKey()).expectStatus().isCreated();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_000));

            link.restore();
            long back = System.nanoTime();
            AtomicReference<Long> usedAgainAfter = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                onIt.report(citizen, SampleReports.selfReport(), Filings.newKey()).expectStatus().isCreated();
                if (circuitOpen(client)) {
                    return false;
                }
                usedAgainAfter.set((System.nanoTime() - back) / 1_000_000);
                return true;
            });
            System.out.printf("Redis back: used again after %d ms%n", usedAgainAfter.get());
            assertThat(usedAgainAfter.get()).as("ms until Redis is used again").isLessThanOrEqualTo(2_000L);
        }
    }

    private static WebTestClient client(SecondInstance instance) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + instance.port()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static boolean circuitOpen(WebTestClient client) {
        byte[] gauge = client.get().uri("/actuator/metrics/aidline.redis.circuit.open").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new String(gauge, java.nio.charset.StandardCharsets.UTF_8).contains("\"value\":1.0");
    }

    private long reportsFiledBy(Tokens.Caller citizen) {
        return database.sql("select count(*) from report where filed_by = :subject").bind("subject", citizen.subject())
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }
}
