package org.aidline.api.ledger;

import static org.aidline.api.support.Supervising.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Supervising;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fund ledger: read page by page by auditors and supervisors of whole counties, and never rewritten. */
@IntegrationTest
class LedgerIntegrationTests {

    static final String LINGWU = "640181";
    static final String VILLAGE = "640181005001";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    Supervising api;

    @BeforeEach
    void setUp() {
        api = new Supervising(web, tokens, json, database);
    }

    WebTestClient.ResponseSpec ledger(Caller caller, String query) {
        return web.get().uri("/api/v1/ledger" + query).header("Authorization", caller.bearer()).exchange();
    }

    /** Every entry after {@code from}, following the cursor page by page. */
    List<JsonNode> readAll(Caller caller, String query, int limit, List<Integer> pageSizes) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            String page = query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode body = json.readTree(ledger(caller, page).expectStatus().isOk().expectBody().returnResult().getResponseBody());
            body.get("items").forEach(entries::add);
            pageSizes.add(body.get("items").size());
            cursor = body.has("nextCursor") ? body.get("nextCursor").asString() : null;
        } while (cursor != null);
        return entries;
    }

    @Test
    void anAuditorPagesThroughACountysEntriesInTheOrderTheyWereWritten() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Caller supervisor = api.supervisor(LINGWU);
        String adjusted = api.fileUrgent(VILLAGE, "1000").at("/grant/id").asString();
        String revoked = api.fileUrgent(VILLAGE, "3000.50").at("/grant/id").asString();
        api.review(supervisor, adjusted, decision("ADJUST", "400", "Bills of 400 yuan"), null).expectStatus().isOk();
        api.review(supervisor, revoked, decision("REVOKE", null, "Deposits found"), null).expectStatus().isOk();

        List<Integer> pageSizes = new ArrayList<>();
        List<JsonNode> entries = readAll(tokens.staff(Role.AUDITOR, "640000"), "?county=" + LINGWU + "&from=" + from, 2, pageSizes);

        List<JsonNode> ours = entries.stream().filter(e -> Set.of(adjusted, revoked).contains(e.get("grantId").asString())).toList();
        assertThat(ours).extracting(e -> e.get("kind").asString() + " " + e.get("amount").decimalValue().setScale(2).toPlainString())
                .containsExactly("GRANT 1000.00", "GRANT 2400.00", "ADJUSTMENT -600.00", "REVOCATION -2400.00");
        assertThat(ours.get(2).get("actor").asString()).isEqualTo(supervisor.subject());
        assertThat(entries).extracting(e -> e.get("countyCode").asString()).containsOnly(LINGWU);
        assertThat(entries).extracting(e -> e.get("id").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(pageSizes).allMatch(size -> size <= 2);
        assertThat(pageSizes.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theCountysSupervisorReadsItsLedgerAndAPrefectureAuditorSeesOnlyItsOwnCounties() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String inLingwu = api.fileUrgent(VILLAGE, "800").at("/grant/id").asString();
        String inDawukou = api.fileUrgent("640202001001", "800").at("/grant/id").asString();

        List<JsonNode> supervisorSees = readAll(api.supervisor(LINGWU), "?county=" + LINGWU + "&from=" + from, 100, new ArrayList<>());
        assertThat(supervisorSees).extracting(e -> e.get("grantId").asString()).contains(inLingwu).doesNotContain(inDawukou);

        List<JsonNode> prefectureSees = readAll(tokens.staff(Role.AUDITOR, "640100"), "?from=" + from, 100, new ArrayList<>());
        assertThat(prefectureSees).extracting(e -> e.get("grantId").asString()).contains(inLingwu).doesNotContain(inDawukou);
        assertThat(prefectureSees).extracting(e -> e.get("countyCode").asString()).allMatch(county -> county.startsWith("6401"));
    }

    @Test
    void aPeriodInTheFutureIsEmpty() {
        ledger(tokens.staff(Role.AUDITOR, "640000"), "?from=2999-01-01T00:00:00Z")
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0).jsonPath("$.nextCursor").doesNotExist();
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("?cursor=not-a-cursor"),
                Arguments.of("?county=6401"),
                Arguments.of("?from=yesterday"),
                Arguments.of("?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"),
                Arguments.of("?limit=0"),
                Arguments.of("?limit=501"));
    }

    @ParameterizedTest(name = "{0} -> 400")
    @MethodSource("badQueries")
    void badQueriesAreRefused(String query) {
        ledger(tokens.staff(Role.AUDITOR, "640000"), query)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Role.CITIZEN, null, "?county=" + LINGWU, 403),
                Arguments.of(Role.OPERATOR, LINGWU, "?county=" + LINGWU, 403),
                Arguments.of(Role.COORDINATOR, VILLAGE, "?county=" + LINGWU, 403),
                Arguments.of(Role.SUPERVISOR, "640202", "?county=" + LINGWU, 403),
                Arguments.of(Role.AUDITOR, "640200", "?county=" + LINGWU, 403),
                Arguments.of(Role.SUPERVISOR, "640181005", "?county=" + LINGWU, 403),
                Arguments.of(Role.AUDITOR, "640181005001", "", 403));
    }

    @ParameterizedTest(name = "ledger {2} as {0} of {1} -> {3}")
    @MethodSource("refusals")
    void onlyAuditorsAndSupervisorsOfWholeCountiesReadTheLedger(Role role, String region, String query, int status) {
        Caller caller = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        ledger(caller, query)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteLedgerEntries() {
        api.fileUrgent(VILLAGE, "500");
        assertThatThrownBy(() -> database.sql("update ledger_entry set amount_fen = amount_fen + 1 where county_code = :county")
                .bind("county", LINGWU).fetch().rowsUpdated().block())
                .hasMessageContaining("ledger_entry is append-only");
        assertThatThrownBy(() -> database.sql("delete from ledger_entry where county_code = :county")
                .bind("county", LINGWU).fetch().rowsUpdated().block())
                .hasMessageContaining("ledger_entry is append-only");
    }
}
