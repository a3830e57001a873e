package org.aidline.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.aidline.notification.escalation.AcknowledgementSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Tasks, the chain and the acknowledgement clock, with the clock in the test's hand: nothing is
 * dispatched in this context (the outbox is only looked at), and every sweep runs at a given time.
 */
@IntegrationTest
@Import(Coordination.class)
class CoordinatorTaskIntegrationTests {

    @Autowired
    Coordination coordination;

    @Autowired
    AcknowledgementSweep sweep;

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Test
    void aReportOpensATaskForItsVillageCoordinatorInTheSameTransaction() {
        String village = Coordination.village(1);
        JsonNode report = coordination.file(village);
        String taskId = coordination.taskOf(report.get("id").asString());

        JsonNode task = coordination.task(coordination.coordinatorOf(village), taskId).get("task");
        assertThat(task.get("reportId").asString()).isEqualTo(report.get("id").asString());
        assertThat(task.get("reportReference").asString()).isEqualTo(report.get("reference").asString());
        assertThat(task.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(task.get("assignee").asString()).isEqualTo("coord-" + village);
        assertThat(task.get("assignedTo").asString()).isEqualTo("VILLAGE");
        assertThat(task.get("acknowledgementSla").asString()).isEqualTo("PT15M");
        assertThat(Instant.parse(task.get("acknowledgeBy").asString()))
                .isEqualTo(coordination.createdAt(report).plus(Duration.ofMinutes(15)));
        // No device registered: the task goes out by SMS to the coordinator's phone at once.
        assertThat(coordination.notifications(taskId)).containsExactly("SMS:QUEUED:coord-" + village);

        JsonNode mine = listOf(coordination.coordinatorOf(village));
        assertThat(mine.get("items").findValuesAsString("id")).contains(taskId);
    }

    @Test
    void aNonUrgentReportGetsFourHours() {
        String village = Coordination.village(2);
        JsonNode report = coordination.file(village, false);
        JsonNode task = coordination.task(coordination.coordinatorOf(village), coordination.taskOf(report.get("id").asString())).get("task");

        assertThat(task.get("acknowledgementSla").asString()).isEqualTo("PT4H");
    }

    @Test
    void aPushUnansweredAtHalfTheSlaIsFollowedByAnSms() {
        String village = Coordination.village(3);
        String coordinator = coordination.coordinatorOf(village);
        coordination.registerDevice(coordinator, "FCM", "fcm-token-" + village);
        JsonNode report = coordination.file(village);
        String taskId = coordination.taskOf(report.get("id").asString());
        assertThat(coordination.notifications(taskId)).containsExactly("PUSH:QUEUED:coord-" + village);

        Instant created = coordination.createdAt(report);
        sweep.sweep(created.plus(Duration.ofMinutes(7)).plusSeconds(29)).block();
        assertThat(coordination.notifications(taskId)).containsExactly("PUSH:QUEUED:coord-" + village);

        sweep.sweep(created.plus(Duration.ofMinutes(7)).plusSeconds(30)).block();
        assertThat(coordination.notifications(taskId))
                .containsExactly("PUSH:QUEUED:coord-" + village, "SMS:QUEUED:coord-" + village);

        // Once only, however often the sweep runs.
        sweep.sweep(created.plus(Duration.ofMinutes(8))).block();
        assertThat(coordination.notifications(taskId)).hasSize(2);
    }

    @Test
    void anUnacknowledgedUrgentTaskEscalatesAtItsSlaUpTheChainUntilNobodyIsAbove() {
        String village = Coordination.village(4);
        JsonNode report = coordination.file(village);
        String taskId = coordination.taskOf(report.get("id").asString());
        Instant created = coordination.createdAt(report);
        String supervisor = coordination.supervisor();

        sweep.sweep(created.plus(Duration.ofMinutes(15)).minusNanos(1000)).block();
        assertThat(coordination.task(supervisor, taskId).at("/task/assignee").asString()).isEqualTo("coord-" + village);

        Instant sla = created.plus(Duration.ofMinutes(15));
        sweep.sweep(sla).block();
        JsonNode escalated = coordination.task(supervisor, taskId);
        assertThat(escalated.at("/task/assignee").asString()).isEqualTo("twp-" + Coordination.townshipOf(village));
        assertThat(escalated.at("/task/assignedTo").asString()).isEqualTo("TOWNSHIP");
        assertThat(escalated.at("/task/escalations").asInt()).isEqualTo(1);
        assertThat(Instant.parse(escalated.at("/task/acknowledgeBy").asString())).isEqualTo(sla.plus(Duration.ofMinutes(15)));
        assertThat(escalated.at("/escalations/0/fromUser").asString()).isEqualTo("coord-" + village);
        assertThat(escalated.at("/escalations/0/toUser").asString()).isEqualTo("twp-" + Coordination.townshipOf(village));
        assertThat(escalated.at("/escalations/0/reason").asString()).contains("not acknowledged within");
        // The village coordinator's unsent SMS is withdrawn; the township coordinator is told.
        assertThat(coordination.notifications(taskId)).containsExactly(
                "SMS:CANCELLED:coord-" + village, "SMS:QUEUED:twp-" + Coordination.townshipOf(village));
        // The silent coordinator no longer sees it; the new assignee does.
        assertThat(listOf(coordination.coordinatorOf(village)).get("items").findValuesAsString("id")).doesNotContain(taskId);
        assertThat(listOf(coordination.townshipCoordinatorOf(village)).get("items").findValuesAsString("id")).contains(taskId);

        sweep.sweep(sla.plus(Duration.ofMinutes(15))).block();
        assertThat(coordination.task(supervisor, taskId).at("/task/assignee").asString()).isEqualTo("sup-" + Coordination.COUNTY);

        sweep.sweep(sla.plus(Duration.ofMinutes(30))).block();
        JsonNode exhausted = coordination.task(supervisor, taskId);
        assertThat(exhausted.at("/task/escalationExhausted").asBoolean()).isTrue();
        assertThat(exhausted.at("/escalations/2/toUser").isMissingNode() || exhausted.at("/escalations/2/toUser").isNull()).isTrue();
        sweep.sweep(sla.plus(Duration.ofHours(5))).block();
        assertThat(coordination.task(supervisor, taskId).get("escalations")).hasSize(3);
    }

    @Test
    void acknowledgingStopsTheClockAndIsHarmlessTwice() {
        String village = Coordination.village(5);
        String coordinator = coordination.coordinatorOf(village);
        JsonNode report = coordination.file(village);
        String taskId = coordination.taskOf(report.get("id").asString());

        JsonNode acknowledged = coordination.act(coordinator, taskId, "ack", Map.of());
        assertThat(acknowledged.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("coord-" + village);
        assertThat(coordination.notifications(taskId)).containsExactly("SMS:CANCELLED:coord-" + village);

        sweep.sweep(coordination.createdAt(report).plus(Duration.ofHours(2))).block();
        JsonNode after = coordination.task(coordinator, taskId);
        assertThat(after.at("/task/status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(after.get("escalations")).isEmpty();

        JsonNode again = coordination.act(coordinator, taskId, "ack", Map.of());
        assertThat(again.get("acknowledgedAt").asString()).isEqualTo(acknowledged.get("acknowledgedAt").asString());
    }

    @Test
    void aVisitIsRecordedWithTimeAndPlaceAndTheTaskCompletes() {
        String village = Coordination.village(6);
        String coordinator = coordination.coordinatorOf(village);
        String taskId = coordination.taskOf(coordination.file(village).get("id").asString());

        problem(web.post().uri("/api/v1/coordinator/tasks/{id}/complete", taskId), coordinator, Map.of("note", "too early"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/state-conflict");

        JsonNode visited = coordination.act(coordinator, taskId, "visit",
                Map.of("latitude", 37.49, "longitude", 105.68, "note", "家中无人照看，已联系邻居"));
        assertThat(visited.get("status").asString()).isEqualTo("VISITED");
        assertThat(visited.at("/visit/latitude").asDouble()).isEqualTo(37.49);
        assertThat(visited.at("/visit/note").asString()).isEqualTo("家中无人照看，已联系邻居");
        assertThat(visited.get("acknowledgedAt").isNull()).isFalse();

        JsonNode completed = coordination.act(coordinator, taskId, "complete", Map.of("note", "临时救助已到账"));
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");

        problem(web.post().uri("/api/v1/coordinator/tasks/{id}/visit", taskId), coordinator, Map.of("latitude", 37.0, "longitude", 105.0))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aVisitWithoutAPlaceIsRefusedWithItsFields() {
        String village = Coordination.village(7);
        String coordinator = coordination.coordinatorOf(village);
        String taskId = coordination.taskOf(coordination.file(village).get("id").asString());

        problem(web.post().uri("/api/v1/coordinator/tasks/{id}/visit", taskId), coordinator, Map.of("latitude", 123.0))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.errors[?(@.field == 'latitude')]").exists()
                .jsonPath("$.errors[?(@.field == 'longitude')]").exists();
    }

    @Test
    void anUnavailableCoordinatorIsPassedByForTheTownship() {
        String village = Coordination.village(8);
        String coordinator = coordination.coordinatorOf(village);
        try {
            web.put().uri("/api/v1/coordinator/availability").header("Authorization", "Bearer " + coordinator)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("available", false))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.available").isEqualTo(false);

            String taskId = coordination.taskOf(coordination.file(village).get("id").asString());

            JsonNode task = coordination.task(coordination.supervisor(), taskId).get("task");
            assertThat(task.get("assignee").asString()).isEqualTo("twp-" + Coordination.townshipOf(village));
            assertThat(task.get("assignedTo").asString()).isEqualTo("TOWNSHIP");
        } finally {
            web.put().uri("/api/v1/coordinator/availability").header("Authorization", "Bearer " + coordinator)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("available", true))
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void aCoordinatorUnavailableUntilATimeIsPassedByOnlyUntilThen() {
        String village = Coordination.village(9);
        String coordinator = coordination.coordinatorOf(village);
        Instant until = Instant.now().plus(Duration.ofDays(1));
        web.put().uri("/api/v1/coordinator/availability").header("Authorization", "Bearer " + coordinator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("available", false, "until", until.toString()))
                .exchange().expectStatus().isOk();
        try {
            String taskId = coordination.taskOf(coordination.file(village).get("id").asString());
            String supervisor = coordination.supervisor();
            assertThat(coordination.task(supervisor, taskId).at("/task/assignedTo").asString()).isEqualTo("TOWNSHIP");
        } finally {
            web.put().uri("/api/v1/coordinator/availability").header("Authorization", "Bearer " + coordinator)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("available", true))
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void devicesAreRegisteredOnceListedAndRemoved() {
        String coordinator = coordination.coordinatorOf(Coordination.village(10));
        String token = "jpush-registration-" + java.util.UUID.randomUUID();
        coordination.registerDevice(coordinator, "JPUSH", token);
        coordination.registerDevice(coordinator, "JPUSH", token);

        web.get().uri("/api/v1/devices").header("Authorization", "Bearer " + coordinator).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.provider == 'JPUSH')]").value(found -> assertThat((java.util.List<?>) found).hasSize(1));

        String deviceId = coordination.registerDevice(coordinator, "JPUSH", token).get("id").asString();
        // Another coordinator cannot unregister it: the same 404 as for a device that does not exist.
        web.delete().uri("/api/v1/devices/{id}", deviceId).header("Authorization", "Bearer " + coordination.token("coord-device-stranger", Role.COORDINATOR, Coordination.COUNTY))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // Not an id at all, a blank one included (the binder made it null: a 500 the fuzzer found): the same 404.
        for (String notAnId : List.of(" ", "not-a-device")) {
            web.delete().uri("/api/v1/devices/{id}", notAnId).header("Authorization", "Bearer " + coordinator).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.delete().uri("/api/v1/devices/{id}", deviceId).header("Authorization", "Bearer " + coordinator).exchange().expectStatus().isNoContent();
        web.delete().uri("/api/v1/devices/{id}", deviceId).header("Authorization", "Bearer " + coordinator).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/devices").header("Authorization", "Bearer " + coordinator).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + deviceId + "')]").value(found -> assertThat((java.util.List<?>) found).isEmpty());

        problem(web.post().uri("/api/v1/devices"), coordinator, Map.of("provider", "APNS", "token", "x"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyTheAssigneeOrASupervisorOfTheRegionSeesOrActsOnATask() {
        String village = Coordination.village(11);
        String taskId = coordination.taskOf(coordination.file(village).get("id").asString());
        String otherCoordinator = coordination.coordinatorOf(Coordination.village(12));
        String otherSupervisor = coordination.token("sup-640104", Role.SUPERVISOR, "640104");

        for (String stranger : new String[] {otherCoordinator, otherSupervisor}) {
            web.get().uri("/api/v1/coordinator/tasks/{id}", taskId).header("Authorization", "Bearer " + stranger).exchange()
                    .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            for (String action : new String[] {"ack", "visit", "complete"}) {
                problem(web.post().uri("/api/v1/coordinator/tasks/{id}/" + action, taskId), stranger,
                        Map.of("latitude", 37.0, "longitude", 105.0)).expectStatus().isNotFound();
            }
            assertThat(listOf(stranger).get("items").findValuesAsString("id")).doesNotContain(taskId);
        }
        // A supervisor of the county sees it and may acknowledge in the coordinator's stead.
        assertThat(listOf(coordination.supervisor()).get("items").findValuesAsString("id")).contains(taskId);
        assertThat(coordination.act(coordination.supervisor(), taskId, "ack", Map.of()).get("acknowledgedBy").asString())
                .isEqualTo("sup-" + Coordination.COUNTY);
        // Not a task id at all: the same 404.
        web.get().uri("/api/v1/coordinator/tasks/not-a-task").header("Authorization", "Bearer " + otherCoordinator).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void citizensOperatorsAndAuditorsHaveNoBusinessWithTasksDevicesOrDeadLetters() {
        String taskId = coordination.taskOf(coordination.file(Coordination.village(13)).get("id").asString());
        String[] outsiders = {
                tokens.newCitizen().token(),
                coordination.token("operator-1", Role.OPERATOR, Coordination.COUNTY),
                coordination.token("auditor-1", Role.AUDITOR, Coordination.COUNTY)};
        for (String outsider : outsiders) {
            forbidden(web.get().uri("/api/v1/coordinator/tasks"), outsider);
            forbidden(web.get().uri("/api/v1/coordinator/tasks/{id}", taskId), outsider);
            forbidden(web.get().uri("/api/v1/coordinator/tasks/stream"), outsider);
            forbidden(web.post().uri("/api/v1/coordinator/tasks/{id}/ack", taskId), outsider);
            forbidden(web.post().uri("/api/v1/coordinator/tasks/{id}/visit", taskId), outsider);
            forbidden(web.post().uri("/api/v1/coordinator/tasks/{id}/complete", taskId), outsider);
            forbidden(web.get().uri("/api/v1/coordinator/availability"), outsider);
            forbidden(web.put().uri("/api/v1/coordinator/availability"), outsider);
            forbidden(web.get().uri("/api/v1/devices"), outsider);
            forbidden(web.post().uri("/api/v1/devices"), outsider);
            forbidden(web.delete().uri("/api/v1/devices/{id}", java.util.UUID.randomUUID()), outsider);
            forbidden(web.get().uri("/api/v1/notifications/dead-letters"), outsider);
            forbidden(web.post().uri("/api/v1/notifications/{id}/retry", java.util.UUID.randomUUID()), outsider);
        }
        String coordinator = coordination.coordinatorOf(Coordination.village(13));
        forbidden(web.get().uri("/api/v1/notifications/dead-letters"), coordinator);
        forbidden(web.post().uri("/api/v1/notifications/{id}/retry", java.util.UUID.randomUUID()), coordinator);
        web.get().uri("/api/v1/coordinator/tasks").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode listOf(String bearerToken) {
        return coordination.readJson(web.get().uri("/api/v1/coordinator/tasks?limit=100").header("Authorization", "Bearer " + bearerToken)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private static WebTestClient.ResponseSpec problem(WebTestClient.RequestBodySpec request, String bearerToken, Object body) {
        return request.header("Authorization", "Bearer " + bearerToken).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void forbidden(WebTestClient.RequestHeadersSpec<?> request, String bearerToken) {
        request.header("Authorization", "Bearer " + bearerToken).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
