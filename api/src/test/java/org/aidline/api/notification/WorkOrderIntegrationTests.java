package org.aidline.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SettableClock;
import org.aidline.notification.escalation.AcknowledgementSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Work orders with clocks, at given times of the 2026 calendar: a non-urgent report filed on Friday
 * 13 February at 10:00 is signed for by the Saturday worked before Spring Festival (调休), 10:00;
 * it turns YELLOW when 75 % of that working day is used (Saturday 04:00) and RED at 10:00; the
 * chase goes out once, the day after (Sunday from 00:00).
 */
@IntegrationTest
@Import({Coordination.class, SettableClock.Installed.class})
class WorkOrderIntegrationTests {


    @Autowired
    Coordination coordination;

    @Autowired
    AcknowledgementSweep sweep;

    @Autowired
    SettableClock clock;

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient web;

    static Instant china(String localDateTime) {
        return SettableClock.china(localDateTime);
    }

    /** A non-urgent report of the village filed at {@code at}; its task's id. */
    String taskFiledAt(String village, Instant at) {
        clock.set(at);
        JsonNode report = coordination.file(village, false);
        return coordination.taskOf(report.get("id").asString());
    }

    JsonNode light(String bearer, String taskId) {
        JsonNode list = coordination.readJson(web.get().uri("/api/v1/coordinator/tasks?sort=LIGHT&limit=100")
                .header("Authorization", "Bearer " + bearer)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asString().equals(taskId)) {
                return item.get("clock");
            }
        }
        throw new AssertionError("Task " + taskId + " is not in the list " + list);
    }

    /** The workOrder part of the report as its county's supervisor reads it. */
    JsonNode reportClock(String reportId) {
        return coordination.readJson(web.get().uri("/api/v1/reports/{id}", reportId)
                .header("Authorization", "Bearer " + coordination.supervisor())
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("workOrder");
    }

    List<String> chases(String taskId) {
        return database.sql("select missed || ':' || assignee as line from task_chase where task_id = :task order by at")
                .bind("task", UUID.fromString(taskId))
                .map(row -> row.get("line", String.class))
                .all().collectList().block(Duration.ofSeconds(10));
    }

    List<String> chaseNotifications(String taskId) {
        return database.sql("select kind || ':' || channel || ':' || recipient as line from notification "
                        + "where task_id = :task and kind = 'CHASE' order by created_at")
                .bind("task", UUID.fromString(taskId))
                .map(row -> row.get("line", String.class))
                .all().collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void aTaskTurnsYellowThenRedAtItsWorkingTimesAndIsChasedOnceTheDayAfter() {
        String village = Coordination.village(11);
        String coordinator = coordination.coordinatorOf(village);
        clock.set(china("2026-02-13T10:00"));
        String reportId = coordination.file(village, false).get("id").asString();
        String taskId = coordination.taskOf(reportId);

        JsonNode task = coordination.task(coordinator, taskId).get("task");
        assertThat(Instant.parse(task.at("/clock/signForBy").asString())).isEqualTo(china("2026-02-14T10:00"));
        assertThat(Instant.parse(task.at("/clock/signForYellowAt").asString())).isEqualTo(china("2026-02-14T04:00"));
        assertThat(Instant.parse(task.at("/clock/handleBy").asString())).isEqualTo(china("2026-02-27T10:00"));

        clock.set(china("2026-02-14T03:59"));
        assertThat(light(coordinator, taskId).get("light").asString()).isEqualTo("GREEN");
        assertThat(reportClock(reportId).get("light").asString()).as("the report shows its task's light").isEqualTo("GREEN");
        clock.set(china("2026-02-14T04:00"));
        assertThat(light(coordinator, taskId).get("light").asString()).isEqualTo("YELLOW");
        assertThat(reportClock(reportId).get("light").asString()).isEqualTo("YELLOW");
        clock.set(china("2026-02-14T10:00"));
        assertThat(light(coordinator, taskId).get("light").asString()).isEqualTo("RED");
        JsonNode reportClock = reportClock(reportId);
        assertThat(reportClock.get("light").asString()).isEqualTo("RED");
        assertThat(reportClock.get("round").asInt()).isEqualTo(1);
        assertThat(Instant.parse(reportClock.get("handleBy").asString())).isEqualTo(china("2026-02-27T10:00"));
        // The supervisor's list, sorted by light, shows it too.
        assertThat(light(coordination.supervisor(), taskId).get("light").asString()).isEqualTo("RED");

        sweep.sweep(china("2026-02-14T23:59:59")).block();
        assertThat(chases(taskId)).isEmpty();
        sweep.sweep(china("2026-02-15T00:00")).block();
        // The same sweep escalated the silent coordinator first (the acknowledgement SLA is clock time): whoever holds it is chased.
        String holder = coordination.task(coordination.supervisor(), taskId).at("/task/assignee").asString();
        assertThat(chases(taskId)).containsExactly("SIGN_FOR:" + holder);
        assertThat(chaseNotifications(taskId)).containsExactly("CHASE:SMS:" + holder);
        sweep.sweep(china("2026-02-16T09:00")).block();
        assertThat(chases(taskId)).as("once per missed deadline").hasSize(1);
    }

    @Test
    void aSupervisorChasesWithANoteAndOnlyASupervisorMay() {
        String village = Coordination.village(12);
        String taskId = taskFiledAt(village, china("2026-03-09T09:00"));

        web.post().uri("/api/v1/coordinator/tasks/{id}/chase", taskId)
                .header("Authorization", "Bearer " + coordination.coordinatorOf(village))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", "me?"))
                .exchange().expectStatus().isForbidden();
        coordination.act(coordination.supervisor(), taskId, "chase", Map.of("note", "Please visit today."));

        JsonNode detail = coordination.task(coordination.supervisor(), taskId);
        assertThat(detail.at("/chases/0/note").asString()).isEqualTo("Please visit today.");
        assertThat(detail.at("/chases/0/automatic").asBoolean()).isFalse();
        assertThat(detail.at("/chases/0/assignee").asString()).isEqualTo("coord-" + village);
    }

    @Test
    void aGrantedExtensionMovesTheHandlingDeadlineAndARefusedOneDoesNot() {
        String village = Coordination.village(13);
        String coordinator = coordination.coordinatorOf(village);
        String taskId = taskFiledAt(village, china("2026-02-13T10:00"));
        Instant handleBy = china("2026-02-27T10:00");

        JsonNode asked = ask(coordinator, taskId, 3, "The bank statement comes on Monday.");
        assertThat(asked.get("status").asString()).isEqualTo("PENDING");
        // One waits at a time.
        web.post().uri("/api/v1/coordinator/tasks/{id}/extensions", taskId)
                .header("Authorization", "Bearer " + coordinator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("workingDays", 1, "reason", "again"))
                .exchange().expectStatus().isEqualTo(409);
        JsonNode refused = decide(taskId, asked.get("id").asString(), Map.of("decision", "REFUSE", "reason", "Visit first."));
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(Instant.parse(coordination.task(coordinator, taskId).at("/task/clock/handleBy").asString())).isEqualTo(handleBy);

        JsonNode again = ask(coordinator, taskId, 3, "The bank statement comes on Monday.");
        JsonNode granted = decide(taskId, again.get("id").asString(), Map.of("decision", "GRANT"));
        assertThat(granted.get("status").asString()).isEqualTo("GRANTED");
        // Three working days after Friday 27 February 10:00: Saturday 28 (worked after Spring Festival), Monday 2, Tuesday 3 March.
        JsonNode task = coordination.task(coordinator, taskId).get("task");
        assertThat(Instant.parse(task.at("/clock/handleBy").asString())).isEqualTo(china("2026-03-03T10:00"));
        assertThat(task.get("extensionsLeft").asInt()).isEqualTo(1);
        assertThat(task.get("extensionWorkingDaysLeft").asInt()).isEqualTo(7);
        assertThat(coordination.notifications(taskId)).contains("SMS:QUEUED:coord-" + village);

        // Beyond the working days left, the field is named.
        web.post().uri("/api/v1/coordinator/tasks/{id}/extensions", taskId)
                .header("Authorization", "Bearer " + coordinator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("workingDays", 8, "reason", "more"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("workingDays");
        // Only the assignee asks; only a supervisor decides.
        web.post().uri("/api/v1/coordinator/tasks/{id}/extensions", taskId)
                .header("Authorization", "Bearer " + coordination.supervisor())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("workingDays", 1, "reason", "mine"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aTaskSentBackIsReassignedAndTheNewAssigneeIsNotifiedAndTwiceSentBackItIsEscalated() {
        String village = Coordination.village(14);
        String coordinator = coordination.coordinatorOf(village);
        String township = "twp-" + Coordination.townshipOf(village);
        String taskId = taskFiledAt(village, china("2026-03-09T09:00"));
        clock.set(china("2026-03-10T15:00"));

        JsonNode sentBack = coordination.act(coordinator, taskId, "send-back", Map.of("reason", "NOT_MY_VILLAGE", "note", "Next village"));
        assertThat(sentBack.get("status").asString()).isEqualTo("SENT_BACK");
        assertThat(sentBack.get("assignee").asString()).isEqualTo("sup-" + Coordination.COUNTY);
        assertThat(sentBack.get("sentBack").asInt()).isEqualTo(1);

        JsonNode reassigned = coordination.act(coordination.supervisor(), taskId, "assignee", Map.of("assignee", township));
        assertThat(reassigned.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(reassigned.get("assignee").asString()).isEqualTo(township);
        // Signed for afresh: one working day from the reassignment.
        assertThat(Instant.parse(reassigned.at("/clock/signForBy").asString())).isEqualTo(china("2026-03-11T15:00"));
        assertThat(coordination.notifications(taskId)).contains("SMS:QUEUED:" + township);

        coordination.act(coordination.townshipCoordinatorOf(village), taskId, "send-back", Map.of("reason", "WRONG_PERSON"));
        JsonNode queue = coordination.readJson(web.get().uri("/api/v1/supervision/queues/escalations?limit=100")
                .header("Authorization", "Bearer " + coordination.supervisor())
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(queue.get("items").findValuesAsString("id")).contains(taskId);
        JsonNode detail = coordination.task(coordination.supervisor(), taskId);
        assertThat(detail.at("/sendBacks/0/reassignedTo").asString()).isEqualTo(township);
        assertThat(detail.at("/sendBacks/1/reason").asString()).isEqualTo("WRONG_PERSON");

        // Past two working days of receiving it, a task is not sent back.
        String late = taskFiledAt(village, china("2026-03-09T09:00"));
        clock.set(china("2026-03-11T09:00:01"));
        web.post().uri("/api/v1/coordinator/tasks/{id}/send-back", late)
                .header("Authorization", "Bearer " + coordinator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "DUPLICATE"))
                .exchange().expectStatus().isEqualTo(409);
    }

    JsonNode ask(String bearer, String taskId, int workingDays, String reason) {
        return coordination.readJson(web.post().uri("/api/v1/coordinator/tasks/{id}/extensions", taskId)
                .header("Authorization", "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("workingDays", workingDays, "reason", reason))
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody());
    }

    JsonNode decide(String taskId, String extensionId, Map<String, Object> body) {
        return coordination.readJson(web.post().uri("/api/v1/coordinator/tasks/{id}/extensions/{e}/decision", taskId, extensionId)
                .header("Authorization", "Bearer " + coordination.supervisor())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }
}
