package org.aidline.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.aidline.api.edge.EdgeProperties;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.OwnPostgres;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database itself stopped, as an operator or a crash would stop it, under an instance of the
 * service that runs on a PostgreSQL of this test's own (the one the other tests share is left
 * alone): every request that needs it is a 503 problem with Retry-After within its time budget,
 * never a 500 nor a hang, and the service serves again once the database is back, by itself.
 */
@IntegrationTest
class StoppedDatabaseIntegrationTests {

    /** What a request may take beyond its budget: the answer itself, on a busy machine. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    @Autowired
    Environment environment;

    @Autowired
    EdgeProperties edge;

    @Autowired
    Filings filings;

    @Autowired
    JsonMapper json;

    @Test
    void withTheDatabaseStoppedFilingReadingAndListingAre503AndTheServiceRecoversWhenItStartsAgain(@TempDir Path data) {
        try (OwnPostgres postgres = OwnPostgres.startIn(data);
                SecondInstance instance = SecondInstance.sharing(environment, postgres.properties())) {
            WebTestClient client = client(instance);
            Filings onIt = filings.through(client);
            Tokens.Caller citizen = citizenOf(client);
            String reportId = onIt.file(citizen, SampleReports.selfReport()).get("id").asString();
            read(client, citizen, "/api/v1/reports/" + reportId).expectStatus().isOk();
            read(client, citizen, "/api/v1/me/reports").expectStatus().isOk();

            postgres.stop();
            String key = Filings.newKey();
            Map<String, Object> body = SampleReports.selfReport();
            unavailable(() -> onIt.report(citizen, body, key), edge.budget().filing(), true);
            unavailable(() -> read(client, citizen, "/api/v1/reports/" + reportId), edge.budget().standard(), false);
            unavailable(() -> read(client, citizen, "/api/v1/me/reports"), edge.budget().standard(), false);

            postgres.start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> onIt.report(citizen, body, key).returnResult(String.class).getStatus().value() == 201);
            JsonNode mine = json.readTree(read(client, citizen, "/api/v1/me/reports").expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            assertThat(mine.toString()).contains(reportId);
        }
    }

    @Test
    void anExhaustedPoolIs503WithRetryAfterOnceTheAcquireTimeIsOut(@TempDir Path data) throws Exception {
        try (OwnPostgres postgres = OwnPostgres.startIn(data);
                SecondInstance instance = SecondInstance.sharing(environment, with(postgres.properties(),
                        "spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=1", "spring.r2dbc.pool.max-acquire-time=1s"))) {
            WebTestClient client = client(instance);
            Filings onIt = filings.through(client);
            Tokens.Caller citizen = citizenOf(client);
            onIt.file(citizen, SampleReports.selfReport());

            try (Connection locker = postgres.connect()) {
                locker.setAutoCommit(false);
                locker.createStatement().execute("lock table report in access exclusive mode");
                // A filing takes the pool's one connection and waits on the lock with it...
                CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() ->
                        onIt.report(citizen, SampleReports.selfReport(), Filings.newKey()).returnResult(String.class).getStatus().value());
                await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnLocks(locker) > 0);
                // ...so a read finds no connection to take.
                EntityExchangeResult<byte[]> refused = unavailable(() -> read(client, citizen, "/api/v1/me/reports"),
                        Duration.ofSeconds(1), false);
                assertThat(new String(refused.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                        .as("the read did nothing").contains("\"mayHaveBeenApplied\":false");
                locker.rollback();
                assertThat(held.get()).as("the filing held up by the lock").isIn(201, 503);
            }
            read(client, citizen, "/api/v1/me/reports").expectStatus().isOk();
        }
    }

    /** 503 problem+json with Retry-After, answered within {@code budget} (and the slack of a busy machine). */
    private EntityExchangeResult<byte[]> unavailable(Supplier<WebTestClient.ResponseSpec> request, Duration budget, boolean write) {
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> answer = request.get()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("Retry-After", "[1-9]\\d*")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unavailable")
                .jsonPath("$.mayHaveBeenApplied").isEqualTo(write)
                .returnResult();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within the budget").isLessThan(budget.plus(SLACK));
        return answer;
    }

    /** A token of the instance's own development issuer, whose key lives in its own database. */
    private Tokens.Caller citizenOf(WebTestClient client) {
        String subject = "citizen-" + java.util.UUID.randomUUID();
        JsonNode token = json.readTree(client.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sub", subject, "roles", java.util.List.of("CITIZEN"))).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        return new Tokens.Caller(subject, token.get("access_token").asString());
    }

    private static WebTestClient.ResponseSpec read(WebTestClient client, Tokens.Caller citizen, String path) {
        return client.get().uri(path).header("Authorization", citizen.bearer()).exchange();
    }

    private static long waitingOnLocks(Connection connection) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from pg_locks where not granted")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String[] with(String[] properties, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(properties), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    private static WebTestClient client(SecondInstance instance) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + instance.port()).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
