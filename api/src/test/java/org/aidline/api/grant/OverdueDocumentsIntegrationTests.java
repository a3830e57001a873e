package org.aidline.api.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.aidline.intake.grant.DocumentDeadlines;
import org.aidline.intake.grant.Escalation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documents deadline: overdue grants are escalated once, whoever sweeps and when; supervisors see them. */
@IntegrationTest
class OverdueDocumentsIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    @Autowired
    OverdueDocumentsSweep sweep;

    @Autowired
    DocumentDeadlines deadlines;

    @Autowired
    ConnectionFactory connections;

    GrantSteps steps;

    @BeforeEach
    void steps() {
        steps = new GrantSteps(web, tokens, json);
    }

    @Test
    void documentsStillOutstandingAtTheDeadlineAreEscalatedToTheCountySupervisor() {
        Caller citizen = tokens.newCitizen();
        JsonNode report = steps.fileEmergency(citizen, "640104004001");
        String grantId = report.at("/grant/id").asString();
        Instant due = Instant.parse(report.at("/grant/documentsDueAt").asString());

        assertThat(grantsOf(sweep.escalateOverdue(due.minusSeconds(1)).collectList().block())).doesNotContain(grantId);
        assertThat(status(grantId)).isEqualTo("AWAITING_DOCUMENTS");

        List<Escalation> escalated = sweep.escalateOverdue(due).collectList().block();
        Escalation mine = escalated.stream().filter(e -> e.grant().toString().equals(grantId)).findFirst().orElseThrow();
        assertThat(mine.escalatedTo()).isEqualTo("sup-640104");
        assertThat(mine.reason()).isEqualTo("DOCUMENTS_OVERDUE");
        assertThat(mine.at()).isEqualTo(due);

        JsonNode grant = steps.body(steps.get(citizen, grantId).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\""));
        assertThat(grant.get("status").asString()).isEqualTo("OVERDUE");
        Map<String, Object> row = database.sql("select escalated_to, reason, at from escalation where grant_id = :id")
                .bind("id", UUID.fromString(grantId)).fetch().one().block();
        assertThat(row).containsEntry("escalated_to", "sup-640104").containsEntry("reason", "DOCUMENTS_OVERDUE");
        JsonNode history = steps.report(citizen, report.get("id").asString()).get("history");
        JsonNode event = history.get(history.size() - 1);
        assertThat(event.get("type").asString()).isEqualTo("ESCALATED");
        assertThat(event.at("/detail/to").asString()).isEqualTo("sup-640104");
        assertThat(Instant.parse(event.get("at").asString())).isEqualTo(due);

        // Later sweeps leave it alone; late documents still complete it.
        assertThat(grantsOf(sweep.escalateOverdue(due.plus(Duration.ofDays(5))).collectList().block())).doesNotContain(grantId);
        assertThat(steps.body(steps.attach(citizen, grantId, "\"1\"", GrantSteps.MEDICAL_DOCUMENTS).expectStatus().isOk())
                .get("status").asString()).isEqualTo("DOCUMENTED");
    }

    @Test
    void aDocumentedGrantIsNotEscalated() {
        Caller citizen = tokens.newCitizen();
        JsonNode report = steps.fileEmergency(citizen, "640104004002");
        String grantId = report.at("/grant/id").asString();
        steps.attach(citizen, grantId, "\"0\"", GrantSteps.MEDICAL_DOCUMENTS).expectStatus().isOk();
        Instant due = Instant.parse(report.at("/grant/documentsDueAt").asString());
        assertThat(grantsOf(sweep.escalateOverdue(due.plusSeconds(60)).collectList().block())).doesNotContain(grantId);
        assertThat(status(grantId)).isEqualTo("DOCUMENTED");
    }

    @Test
    void concurrentSweepsEscalateEachGrantExactlyOnce() {
        List<JsonNode> reports = IntStream.range(0, 16)
                .mapToObj(i -> steps.fileEmergency(tokens.newCitizen(), "640104005001")).toList();
        Instant after = reports.stream().map(r -> Instant.parse(r.at("/grant/documentsDueAt").asString()))
                .max(Comparator.naturalOrder()).orElseThrow().plusSeconds(1);

        // Four sweeps at once, as on four instances, each claiming three grants per statement.
        List<Escalation> escalated = Flux.range(0, 4)
                .flatMap(i -> deadlines.escalateOverdue(after, 3).subscribeOn(Schedulers.parallel()), 4)
                .collectList().block(Duration.ofSeconds(60));

        Map<String, Long> times = escalated.stream().collect(Collectors.groupingBy(e -> e.grant().toString(), Collectors.counting()));
        assertThat(times.values()).as("no grant escalated twice by any sweep").containsOnly(1L);
        for (JsonNode report : reports) {
            String grantId = report.at("/grant/id").asString();
            assertThat(times).containsEntry(grantId, 1L);
            assertThat(count("select count(*) from escalation where grant_id = :id", grantId)).isEqualTo(1);
            assertThat(count("select count(*) from report_event where report_id = :id and type = 'ESCALATED'",
                    report.get("id").asString())).isEqualTo(1);
            assertThat(status(grantId)).isEqualTo("OVERDUE");
        }
    }

    @Test
    void aSweepSkipsGrantsAnotherSweepHoldsWithoutWaitingAndTheyAreEscalatedOnceLater() {
        List<String> held = List.of(fileGrant("640104005002"), fileGrant("640104005002"));
        List<String> free = List.of(fileGrant("640104005002"), fileGrant("640104005002"));
        Instant after = Instant.now().plus(Duration.ofDays(11));
        // Another instance's sweep is in flight: its transaction holds the row locks of two grants.
        Connection other = Mono.from(connections.create()).block();
        try {
            Mono.from(other.beginTransaction()).block();
            Flux.from(other.createStatement("select id from aid_grant where id in ($1, $2) for update")
                    .bind("$1", UUID.fromString(held.get(0))).bind("$2", UUID.fromString(held.get(1))).execute())
                    .flatMap(result -> result.map((row, metadata) -> row.get(0))).blockLast();

            List<String> first = grantsOf(sweep.escalateOverdue(after).collectList().block(Duration.ofSeconds(20)));
            assertThat(first).containsAll(free).doesNotContainAnyElementsOf(held);
            assertThat(held).allSatisfy(grantId -> assertThat(status(grantId)).isEqualTo("AWAITING_DOCUMENTS"));
        } finally {
            Mono.from(other.rollbackTransaction()).then(Mono.from(other.close())).block();
        }
        List<String> second = grantsOf(sweep.escalateOverdue(after).collectList().block());
        assertThat(second).containsAll(held).doesNotContainAnyElementsOf(free);
        for (String grantId : held) {
            assertThat(count("select count(*) from escalation where grant_id = :id", grantId)).isEqualTo(1);
        }
    }

    @Test
    void theScheduledSweepRunsAtTheInjectedClocksTime() {
        JsonNode report = steps.fileEmergency(tokens.newCitizen(), "640104006001");
        String grantId = report.at("/grant/id").asString();
        Instant due = Instant.parse(report.at("/grant/documentsDueAt").asString());
        OverdueDocumentsSweep scheduled = new OverdueDocumentsSweep(deadlines, Clock.fixed(due.plusSeconds(1), ZoneOffset.UTC),
                new GrantsProperties(true, Duration.ofMillis(100), 50));
        scheduled.start();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(grantId)).isEqualTo("OVERDUE"));
        } finally {
            scheduled.stop();
        }
        assertThat(scheduled.isRunning()).isFalse();
        assertThat(count("select count(*) from escalation where grant_id = :id", grantId)).isEqualTo(1);
    }

    @Test
    void supervisorsPageThroughTheOverdueGrantsOfTheirRegionOldestDueFirst() {
        List<String> mine = new ArrayList<>();
        Instant latest = Instant.EPOCH;
        for (int i = 0; i < 3; i++) {
            JsonNode report = steps.fileEmergency(tokens.newCitizen(), "640522001001");
            mine.add(report.at("/grant/id").asString());
            latest = Instant.parse(report.at("/grant/documentsDueAt").asString());
        }
        sweep.escalateOverdue(latest).blockLast();

        List<JsonNode> seen = pages(tokens.staff(Role.SUPERVISOR, "640522"), 2);
        assertThat(seen).allSatisfy(grant -> {
            assertThat(grant.get("status").asString()).isEqualTo("OVERDUE");
            assertThat(grant.get("countyCode").asString()).isEqualTo("640522");
        });
        List<Instant> dues = seen.stream().map(grant -> Instant.parse(grant.get("documentsDueAt").asString())).toList();
        assertThat(dues).isSorted();
        List<String> ids = seen.stream().map(grant -> grant.get("id").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine);

        List<String> forTheProvince = pages(tokens.staff(Role.AUDITOR, "640000"), 100).stream().map(grant -> grant.get("id").asString()).toList();
        assertThat(forTheProvince).containsAll(mine);
        List<String> forAnotherCounty = pages(tokens.staff(Role.SUPERVISOR, "640104"), 100).stream().map(grant -> grant.get("id").asString()).toList();
        assertThat(forAnotherCounty).doesNotContainAnyElementsOf(mine);
    }

    @Test
    void otherStatusesWithADeadlineCanBeListedToo() {
        JsonNode report = steps.fileEmergency(tokens.newCitizen(), "640522002001");
        List<String> waiting = list(tokens.staff(Role.SUPERVISOR, "640522"), "AWAITING_DOCUMENTS", null, 100)
                .get("items").valueStream().map(grant -> grant.get("id").asString()).toList();
        assertThat(waiting).contains(report.at("/grant/id").asString());
    }

    @ParameterizedTest(name = "{0} of {1} -> 403")
    @CsvSource({"CITIZEN, ''", "COORDINATOR, 640522001001", "OPERATOR, 640522"})
    void onlySupervisorsAndAuditorsListGrants(Role role, String region) {
        Caller other = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        web.get().uri("/api/v1/grants?status=OVERDUE").header("Authorization", other.bearer()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0} -> 400")
    @ValueSource(strings = {"status=REVOKED", "status=AWAITING_IDENTITY", "status=LOST", "cursor=bm9wZQ", "limit=0", "limit=101"})
    void badListParametersAre400(String query) {
        web.get().uri("/api/v1/grants?" + query).header("Authorization", tokens.staff(Role.SUPERVISOR, "640522").bearer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    List<JsonNode> pages(Caller caller, int limit) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = list(caller, "OVERDUE", cursor, limit);
            page.get("items").valueStream().forEach(all::add);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return all;
    }

    JsonNode list(Caller caller, String status, String cursor, int limit) {
        String uri = "/api/v1/grants?status=" + status + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        return steps.body(web.get().uri(uri).header("Authorization", caller.bearer()).exchange().expectStatus().isOk());
    }

    String fileGrant(String villageCode) {
        return steps.fileEmergency(tokens.newCitizen(), villageCode).at("/grant/id").asString();
    }

    String status(String grantId) {
        return database.sql("select status from aid_grant where id = :id").bind("id", UUID.fromString(grantId))
                .map(row -> row.get(0, String.class)).one().block();
    }

    long count(String sql, String id) {
        return database.sql(sql).bind("id", UUID.fromString(id)).map(row -> row.get(0, Long.class)).one().block();
    }

    static List<String> grantsOf(List<Escalation> escalations) {
        return escalations.stream().map(e -> e.grant().toString()).toList();
    }
}
