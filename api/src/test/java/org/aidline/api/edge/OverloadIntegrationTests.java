package org.aidline.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance at its limit of filings in flight (two here, while the database holds them up) sheds
 * the rest at once with 503, Retry-After: 1 and nothing done, and takes filings again as soon as
 * the ones in flight are over.
 */
@IntegrationTest
@TestPropertySource(properties = "aidline.edge.max-in-flight-filings=2")
class OverloadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Test
    void filingsBeyondTheLimitAreShedAtOnceAndNothingIsLost() {
        Tokens.Caller citizen = tokens.newCitizen();
        WebClient client = WebClient.create("http://localhost:" + port);
        Connection locker = Mono.from(connections.create()).block(Duration.ofSeconds(10));
        List<Answer> answers;
        try {
            Mono.from(locker.beginTransaction()).block(Duration.ofSeconds(10));
            Flux.from(locker.createStatement("lock table report in access exclusive mode").execute())
                    .flatMap(result -> result.getRowsUpdated()).blockLast(Duration.ofSeconds(10));
            answers = Flux.range(0, 6)
                    .flatMap(n -> {
                        long started = System.nanoTime();
                        return client.post().uri(Filings.REPORTS).header("Authorization", citizen.bearer())
                                .header(Filings.IDEMPOTENCY_KEY, Filings.newKey())
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(SampleReports.selfReport())
                                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                        .map(body -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders()
                                                .getFirst("Retry-After"), body, Duration.ofNanos(System.nanoTime() - started))));
                    }, 6)
                    .collectList().block(Duration.ofSeconds(30));
        } finally {
            Mono.from(locker.rollbackTransaction()).then(Mono.from(locker.close())).block(Duration.ofSeconds(10));
        }

        JsonMapper json = JsonMapper.builder().build();
        List<Answer> shed = answers.stream().filter(answer -> answer.body().contains("\"mayHaveBeenApplied\":false")).toList();
        assertThat(shed).as("all but the two admitted").hasSize(4).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isEqualTo("1");
            assertThat(answer.took()).as("shed at once, not after waiting").isLessThan(Duration.ofSeconds(2));
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/unavailable");
        });
        assertThat(answers).filteredOn(answer -> !shed.contains(answer)).hasSize(2)
                .allSatisfy(answer -> assertThat(answer.status()).as("admitted, then held up by the lock").isEqualTo(503));

        filings.report(citizen, SampleReports.selfReport(), Filings.newKey()).expectStatus().isCreated();
    }

    private record Answer(int status, String retryAfter, String body, Duration took) {
    }
}
