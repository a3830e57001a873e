package org.aidline.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A filing held up in the database (here: the report table locked by someone else) is answered
 * 503 with Retry-After within its budget, leaves nothing behind, and goes through with the same
 * Idempotency-Key once the database is free again.
 */
@IntegrationTest
class TimeBudgetIntegrationTests {

    @Autowired
    ConnectionFactory connections;

    @Autowired
    DatabaseClient database;

    @Autowired
    Filings filings;

    @Autowired
    Tokens tokens;

    @Autowired
    EdgeProperties edge;

    @Test
    void aFilingHeldUpByALockIs503WithinItsBudgetAndGoesThroughWithTheSameKeyAfter() {
        Tokens.Caller citizen = tokens.newCitizen();
        String key = Filings.newKey();
        Map<String, Object> body = SampleReports.selfReport();
        Connection locker = Mono.from(connections.create()).block(Duration.ofSeconds(10));
        try {
            Mono.from(locker.beginTransaction()).block(Duration.ofSeconds(10));
            Flux.from(locker.createStatement("lock table report in access exclusive mode").execute())
                    .flatMap(result -> result.getRowsUpdated()).blockLast(Duration.ofSeconds(10));

            long started = System.nanoTime();
            filings.report(citizen, body, key)
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("/problems/unavailable")
                    .jsonPath("$.mayHaveBeenApplied").isEqualTo(true);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("answered within the filing budget, give or take the machine")
                    .isLessThan(edge.budget().filing().plusSeconds(2));
        } finally {
            Mono.from(locker.rollbackTransaction()).then(Mono.from(locker.close())).block(Duration.ofSeconds(10));
        }

        assertThat(reportsFiledBy(citizen)).as("nothing left of the filing that ran out of time").isZero();
        filings.report(citizen, body, key).expectStatus().isCreated();
        filings.report(citizen, body, key).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(reportsFiledBy(citizen)).isEqualTo(1);
    }

    private long reportsFiledBy(Tokens.Caller citizen) {
        return database.sql("select count(*) from report where filed_by = :subject").bind("subject", citizen.subject())
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }
}
