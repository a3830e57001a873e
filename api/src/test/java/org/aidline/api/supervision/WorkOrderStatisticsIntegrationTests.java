package org.aidline.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.notification.Coordination;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SettableClock;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Work orders in the statistics (issue 12): on-time rates of signing for and handling at given times
 * of the 2026 calendar, by county, village and coordinator; call-back satisfaction; the supervisors'
 * pending-extensions queue. Everything happens in Qingtongxia (640381), which no other test files to,
 * with the settable clock: non-urgent reports filed on Monday 13 April 2026 at 10:00 are signed for by
 * Tuesday 14 April 10:00 and handled by Monday 20 April 10:00 (five working days).
 */
@IntegrationTest
@Import({Coordination.class, SettableClock.Installed.class})
class WorkOrderStatisticsIntegrationTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String COUNTY = "640381";
    static final String EAST = "640381001001";
    static final String WEST = "640381002001";
    static final String OTHER_COUNTY = "640402";
    /** The week of Monday 13 April 2026, China time. */
    static final String APRIL = "from=2026-04-12T16:00:00Z&to=2026-04-19T16:00:00Z";
    /** Wednesday 10 June 2026, China time. */
    static final String JUNE_10 = "from=2026-06-09T16:00:00Z&to=2026-06-10T16:00:00Z";

    @Autowired
    Coordination coordination;

    @Autowired
    SettableClock clock;

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient web;

    static Instant china(String localDateTime) {
        return SettableClock.china(localDateTime);
    }

    @Test
    void onTimeRatesCountTasksDoneByTheirDeadlinesAndThoseOpenPastThemAtTheTimeAsked() {
        String[] filed = fileTasks(china("2026-04-13T10:00"));
        String onTime = filed[0];
        String late = filed[1];
        String silent = filed[2];
        String supervisor = supervisor(COUNTY);

        clock.set(china("2026-04-14T09:00"));
        post(coordination.coordinatorOf(EAST), onTime, "ack", 200);
        clock.set(china("2026-04-14T11:00"));
        post(coordination.coordinatorOf(EAST), late, "ack", 200);
        clock.set(china("2026-04-15T09:00"));
        coordination.act(supervisor, silent, "chase", Map.of("note", "Please sign for it."));
        ask(coordination.coordinatorOf(EAST), late, 2, "Waiting for the hospital's bill.");
        clock.set(china("2026-04-16T10:00"));
        post(coordination.coordinatorOf(EAST), onTime, "complete", 200);

        // Thursday noon: one signed for in time, one late, one never and past its deadline; one handled, none other due yet.
        clock.set(china("2026-04-16T12:00"));
        JsonNode county = read(supervisor, "/api/v1/statistics?county=" + COUNTY + "&" + APRIL).get("workOrders");
        assertThat(county.get("tasks").asLong()).isEqualTo(3);
        assertClock(county.get("signFor"), 1, 1, 1, 0.3333);
        assertClock(county.get("handling"), 1, 0, 0, 1.0);
        assertThat(county.get("chases").asLong()).isEqualTo(1);
        assertThat(county.get("extensionsAsked").asLong()).isEqualTo(1);
        assertThat(county.get("extensionsGranted").asLong()).isZero();
        assertThat(county.get("sentBack").asLong()).isZero();

        JsonNode byVillage = read(supervisor, "/api/v1/statistics/work-orders?county=" + COUNTY + "&" + APRIL + "&by=VILLAGE");
        assertThat(byVillage.get("groups").asLong()).isEqualTo(2);
        // Worst first: the west village signed for nothing (0 %), the east one half (50 %) and handled all that was due.
        assertThat(byVillage.get("rows").findValuesAsString("key")).containsExactly(WEST, EAST);
        JsonNode west = byVillage.at("/rows/0/workOrders");
        assertClock(west.get("signFor"), 0, 0, 1, 0.0);
        assertClock(west.get("handling"), 0, 0, 0, null);
        assertThat(west.get("chases").asLong()).isEqualTo(1);
        JsonNode east = byVillage.at("/rows/1/workOrders");
        assertThat(east.get("tasks").asLong()).isEqualTo(2);
        assertClock(east.get("signFor"), 1, 1, 0, 0.5);
        assertClock(east.get("handling"), 1, 0, 0, 1.0);

        JsonNode byCoordinator = read(supervisor, "/api/v1/statistics/work-orders?county=" + COUNTY + "&" + APRIL + "&by=COORDINATOR");
        assertThat(byCoordinator.get("rows").findValuesAsString("key")).containsExactly("coord-" + WEST, "coord-" + EAST);
        assertClock(byCoordinator.at("/rows/1/workOrders/signFor"), 1, 1, 0, 0.5);
        JsonNode noSatisfaction = byCoordinator.at("/rows/1/satisfaction");
        assertThat(noSatisfaction.isMissingNode() || noSatisfaction.isNull()).as("call-backs are by village").isTrue();
        assertThat(read(supervisor, "/api/v1/statistics/work-orders?county=" + COUNTY + "&" + APRIL + "&limit=1")
                .get("rows").findValuesAsString("key")).containsExactly(WEST);

        // The next Tuesday: the late one was finished after its handling deadline, the silent one never.
        clock.set(china("2026-04-21T11:00"));
        post(coordination.coordinatorOf(EAST), late, "complete", 200);
        clock.set(china("2026-04-21T12:00"));
        JsonNode after = read(supervisor, "/api/v1/statistics?county=" + COUNTY + "&" + APRIL).get("workOrders");
        assertClock(after.get("signFor"), 1, 1, 1, 0.3333);
        assertClock(after.get("handling"), 1, 1, 1, 0.3333);

        // A period with nothing in it has no rates: not 100 %.
        JsonNode none = read(supervisor, "/api/v1/statistics?county=" + COUNTY + "&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z");
        assertClock(none.at("/workOrders/signFor"), 0, 0, 0, null);
        JsonNode noRate = none.at("/satisfaction/rate");
        assertThat(noRate.isMissingNode() || noRate.isNull()).isTrue();
    }

    @Test
    void satisfactionIsTheShareOfThoseAnsweredWhoWereSatisfiedOrBasicallySoByCountyAndVillage() {
        // Reports of their own (June), so that the April tasks of the on-time test stay three.
        String[] filed = fileTasks(china("2026-06-08T10:00"));
        // The call-back endpoint is being built on another branch: its items are written here as it will write them.
        callBack(filed[0], 1, EAST, "ANSWERED", "SATISFIED", china("2026-06-10T10:00"));
        callBack(filed[0], 2, EAST, "ANSWERED", "BASICALLY_SATISFIED", china("2026-06-10T11:00"));
        callBack(filed[1], 1, EAST, "ANSWERED", "UNSATISFIED", china("2026-06-10T12:00"));
        callBack(filed[2], 1, WEST, "UNREACHED", null, china("2026-06-10T13:00"));
        // Done outside the period: not counted.
        callBack(filed[1], 2, EAST, "ANSWERED", "UNSATISFIED", china("2026-06-12T12:00"));
        String supervisor = supervisor(COUNTY);
        clock.set(china("2026-06-12T18:00"));

        JsonNode county = read(supervisor, "/api/v1/statistics?county=" + COUNTY + "&" + JUNE_10).get("satisfaction");
        assertThat(county.get("answered").asLong()).isEqualTo(3);
        assertThat(county.get("unreached").asLong()).isEqualTo(1);
        assertThat(county.at("/bySatisfaction/SATISFIED").asLong()).isEqualTo(1);
        assertThat(county.at("/bySatisfaction/BASICALLY_SATISFIED").asLong()).isEqualTo(1);
        assertThat(county.at("/bySatisfaction/UNSATISFIED").asLong()).isEqualTo(1);
        assertThat(county.get("rate").asDouble()).isEqualTo(0.6667);

        JsonNode rows = read(supervisor, "/api/v1/statistics/work-orders?county=" + COUNTY + "&" + JUNE_10 + "&by=VILLAGE").get("rows");
        JsonNode east = row(rows, EAST).get("satisfaction");
        assertThat(east.get("answered").asLong()).isEqualTo(3);
        assertThat(east.get("rate").asDouble()).isEqualTo(0.6667);
        JsonNode west = row(rows, WEST).get("satisfaction");
        assertThat(west.get("unreached").asLong()).isEqualTo(1);
        assertThat(west.get("rate") == null || west.get("rate").isNull()).as("nobody answered in the west village").isTrue();
    }

    @Test
    void pendingExtensionsWaitForTheirCountysSupervisorRedTasksFirstUntilDecided() {
        String red = taskFiledAt("640381003001", china("2026-05-11T10:00"));
        String green = taskFiledAt("640381004001", china("2026-05-11T10:00"));
        clock.set(china("2026-05-11T10:30"));
        post(coordination.coordinatorOf("640381004001"), green, "ack", 200);
        clock.set(china("2026-05-11T11:00"));
        String greenExtension = ask(coordination.coordinatorOf("640381004001"), green, 2, "The household is away until Friday.");
        // Asked later, by a coordinator who has not signed for the task: its sign-for deadline passes on Tuesday at 10:00.
        clock.set(china("2026-05-12T09:00"));
        String redExtension = ask(coordination.coordinatorOf("640381003001"), red, 1, "Two villages to visit first.");
        clock.set(china("2026-05-12T12:00"));

        String supervisor = supervisor(COUNTY);
        JsonNode items = read(supervisor, "/api/v1/supervision/queues/pending-extensions?limit=100&from=2026-05-11T00:00:00Z").get("items");
        List<String> ids = items.findValuesAsString("id");
        assertThat(ids).contains(redExtension, greenExtension);
        assertThat(ids.indexOf(redExtension)).as("a RED task's extension first, though asked later").isLessThan(ids.indexOf(greenExtension));
        JsonNode first = row(items, "id", redExtension);
        assertThat(first.get("state").asString()).isEqualTo("RED");
        assertThat(first.get("detail").asString()).isEqualTo(red);
        assertThat(row(items, "id", greenExtension).get("state").asString()).isEqualTo("GREEN");
        String href = first.get("href").asString();
        assertThat(href).isEqualTo("/api/v1/coordinator/tasks/" + red + "/extensions/" + redExtension + "/decision");
        assertThat(read(supervisor, "/api/v1/supervision/queues?from=2026-05-11T00:00:00Z").at("/counts/pending-extensions").asLong())
                .isGreaterThanOrEqualTo(2);

        JsonNode elsewhere = read(supervisor(OTHER_COUNTY), "/api/v1/supervision/queues/pending-extensions?limit=100").get("items");
        assertThat(elsewhere.findValuesAsString("id")).doesNotContain(redExtension, greenExtension);

        web.post().uri(href).header("Authorization", "Bearer " + supervisor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "GRANT"))
                .exchange().expectStatus().isOk();
        JsonNode after = read(supervisor, "/api/v1/supervision/queues/pending-extensions?limit=100&from=2026-05-11T00:00:00Z").get("items");
        assertThat(after.findValuesAsString("id")).doesNotContain(redExtension).contains(greenExtension);
    }

    @Test
    void theBreakdownIsForSupervisorsAndAuditorsOfTheCountyOnly() {
        String path = "/api/v1/statistics/work-orders?county=" + COUNTY + "&by=COORDINATOR";
        status(path, coordination.coordinatorOf(EAST), 403);
        status(path, coordination.token("citizen-" + UUID.randomUUID(), Role.CITIZEN, null), 403);
        status(path, supervisor(OTHER_COUNTY), 403);
        status(path, coordination.token("auditor-" + UUID.randomUUID(), Role.AUDITOR, COUNTY), 200);
        status("/api/v1/statistics/work-orders?county=" + COUNTY + "&by=HOUSEHOLD", supervisor(COUNTY), 400);
    }

    /** Three non-urgent reports filed at the time: two in the east village, one in the west; their tasks. */
    private String[] fileTasks(Instant at) {
        return new String[] {taskFiledAt(EAST, at), taskFiledAt(EAST, at), taskFiledAt(WEST, at)};
    }

    private String taskFiledAt(String village, Instant at) {
        clock.set(at);
        JsonNode report = coordination.file(village, false);
        return coordination.taskOf(report.get("id").asString());
    }

    private String supervisor(String county) {
        return coordination.token("sup-" + county, Role.SUPERVISOR, county);
    }

    private void callBack(String taskId, int closure, String village, String status, String satisfaction, Instant doneAt) {
        database.sql("""
                        insert into call_back (id, report_id, closure, county_code, village_code, status, max_tries, tries, satisfaction,
                                               created_at, last_tried_at, done_at)
                        select gen_random_uuid(), t.report_id, :closure, :county, :village, :status, 3, 1, :satisfaction,
                               :done, :done, :done
                        from coordinator_task t where t.id = :task
                        """)
                .bind("task", UUID.fromString(taskId)).bind("closure", closure).bind("county", COUNTY).bind("village", village)
                .bind("status", status).bind("done", doneAt.atZone(CHINA).toOffsetDateTime())
                .bind("satisfaction", satisfaction == null ? Parameters.in(String.class) : satisfaction)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private String ask(String bearer, String taskId, int workingDays, String reason) {
        return coordination.readJson(web.post().uri("/api/v1/coordinator/tasks/{id}/extensions", taskId)
                .header("Authorization", "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("workingDays", workingDays, "reason", reason))
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody()).get("id").asString();
    }

    private void post(String bearer, String taskId, String action, int status) {
        web.post().uri("/api/v1/coordinator/tasks/{id}/" + action, taskId).header("Authorization", "Bearer " + bearer)
                .exchange().expectStatus().isEqualTo(status);
    }

    private void status(String path, String bearer, int status) {
        web.get().uri(path).header("Authorization", "Bearer " + bearer).exchange().expectStatus().isEqualTo(status);
    }

    private JsonNode read(String bearer, String path) {
        return coordination.readJson(web.get().uri(path).header("Authorization", "Bearer " + bearer)
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private static JsonNode row(JsonNode rows, String key) {
        return row(rows, "key", key);
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.get(field).asString().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("No row with " + field + " " + value + " in " + rows);
    }

    private static void assertClock(JsonNode clock, long onTime, long late, long overdue, Double rate) {
        assertThat(clock.get("onTime").asLong()).as("on time in %s", clock).isEqualTo(onTime);
        assertThat(clock.get("late").asLong()).as("late in %s", clock).isEqualTo(late);
        assertThat(clock.get("overdue").asLong()).as("overdue in %s", clock).isEqualTo(overdue);
        if (rate == null) {
            assertThat(clock.get("rate") == null || clock.get("rate").isNull()).as("no rate in %s", clock).isTrue();
        } else {
            assertThat(clock.get("rate").asDouble()).as("rate in %s", clock).isEqualTo(rate);
        }
    }
}
