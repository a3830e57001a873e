package org.aidline.api.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.notification.Coordination;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry events (issue 13, item 6) and flag outcomes (item 7) against the running service: a child
 * losing their carer opens a MONITORING report with a coordinator task in the village; a death ends
 * the enrolments; an event sent twice acts once; a second warning within the window merges; a
 * medical bill grants with no application only where the county's rule allows; a flag's outcome
 * acts on the person's enrolments.
 */
@IntegrationTest
@Import(Coordination.class)
class RegistryEventIntegrationTests {

    static final String EVENTS = "/api/v1/registry/events";
    /** Haiyuan: its rule for medical bills (written by this test) allows no aid without review. */
    static final String REVIEWING_COUNTY = "640522";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Coordination coordination;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Autowired
    PersonalDataProtector protector;

    RegistryPeople people;
    Tokens.Caller feed;

    @BeforeEach
    void setUp() {
        people = new RegistryPeople(database, protector);
        feed = tokens.registryFeed();
    }

    @Test
    void childLosingTheirCarerOpensAMonitoringReportWithACoordinatorTaskInThatVillage() {
        String village = Coordination.village(37);
        String child = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String source = "EDUCATION-" + UUID.randomUUID();

        JsonNode first = send(List.of(event(source, "E-1", "CARER_LOST", child, village, "2025-03-01", null)));
        JsonNode filed = first.get("results").get(0);
        assertThat(filed.get("outcome").asString()).isEqualTo("REPORT_FILED");
        String reportId = filed.get("reportId").asString();

        Map<String, Object> report = reportRow(reportId);
        assertThat(report).containsEntry("channel", "MONITORING").containsEntry("category", "CHILD_WITHOUT_CARE")
                .containsEntry("village_code", village);
        assertThat((String) report.get("description")).contains("Registry event CARER_LOST from " + source).contains("(event E-1)");
        String task = coordination.taskOf(reportId);
        assertThat(database.sql("select village_code from coordinator_task where id = :id").bind("id", UUID.fromString(task))
                .map(row -> row.get("village_code", String.class)).one().block(Duration.ofSeconds(10))).isEqualTo(village);

        // The same event again does nothing more; another one within the window joins the first warning.
        JsonNode again = send(List.of(event(source, "E-1", "CARER_LOST", child, village, "2025-03-01", null),
                event(source, "E-2", "CARER_LOST", child, village, "2025-03-20", null)));
        assertThat(again.get("results").get(0).get("outcome").asString()).isEqualTo("ALREADY_RECEIVED");
        assertThat(again.get("results").get(0).get("reportId").asString()).isEqualTo(reportId);
        JsonNode merged = again.get("results").get(1);
        assertThat(merged.get("outcome").asString()).isEqualTo("MERGED");
        assertThat(merged.get("reportId").asString()).isEqualTo(reportId);
        assertThat(merged.get("warningEvents").asInt()).isEqualTo(2);
        assertThat(people.reportsAbout(child)).isEqualTo(1);

        // Outside the window, a new warning files a new report.
        JsonNode later = send(List.of(event(source, "E-3", "CARER_LOST", child, village, "2025-06-01", null)));
        assertThat(later.get("results").get(0).get("outcome").asString()).isEqualTo("REPORT_FILED");
        assertThat(people.reportsAbout(child)).isEqualTo(2);
    }

    @Test
    void warningsForTheSamePersonSentAtOnceFileOneReport() {
        String village = Coordination.village(38);
        String child = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String source = "PUBLIC-SECURITY-" + UUID.randomUUID();
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(event(source, "C-" + i, "CARER_LOST", child, village, "2025-04-0" + (i + 1), null));
        }

        JsonNode answer = send(batch);

        assertThat(answer.get("reportsFiled").asInt()).isEqualTo(1);
        assertThat(answer.get("merged").asInt()).isEqualTo(5);
        assertThat(people.reportsAbout(child)).isEqualTo(1);
    }

    @Test
    void deathEndsEveryRunningEnrolmentWithHistoryAndFilesNoReportAndActsOnce() {
        String village = Coordination.village(39);
        String person = RegistryPeople.newIdNumber(Coordination.COUNTY);
        people.enrol(person, village, List.of("DISABILITY_SUBSIDY:SUSPENDED", "EXTREME_POVERTY:ENDED", "MINIMUM_LIVING:ACTIVE"));
        String source = "PUBLIC-SECURITY-" + UUID.randomUUID();

        JsonNode answer = send(List.of(event(source, "D-1", "DEATH", person, village, "2025-05-02", null)));

        JsonNode ended = answer.get("results").get(0);
        assertThat(ended.get("outcome").asString()).isEqualTo("ENROLMENTS_ENDED");
        assertThat(ended.get("enrolmentsEnded").asInt()).isEqualTo(2);
        assertThat(people.enrolments(person)).containsExactly("DISABILITY_SUBSIDY:ENDED:60000", "EXTREME_POVERTY:ENDED:60000",
                "MINIMUM_LIVING:ENDED:60000");
        assertThat(people.history(person)).containsExactlyInAnyOrder("DISABILITY_SUBSIDY:ENDED:REGISTRY_EVENT",
                "MINIMUM_LIVING:ENDED:REGISTRY_EVENT");
        assertThat(database.sql("""
                        select count(*) as n from enrolment e join member m on m.id = e.member_id
                        where m.id_number_hash = :hash and e.ended_on = date '2025-05-02' and m.deceased_on = date '2025-05-02'
                        """).bind("hash", protector.householdKey(new org.aidline.intake.report.ResidentId(person)))
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10))).isEqualTo(2);
        assertThat(people.reportsAbout(person)).isZero();

        JsonNode again = send(List.of(event(source, "D-1", "DEATH", person, village, "2025-05-02", null)));
        assertThat(again.get("alreadyReceived").asInt()).isEqualTo(1);
        assertThat(again.get("results").get(0).get("reason").asString()).isEqualTo("ENROLMENTS_ENDED");
        assertThat(people.history(person)).hasSize(2);
    }

    @Test
    void medicalBillAboveTheThresholdGrantsWithNoApplicationWhereTheRuleAllowsAndOnlyFilesAReportWhereNot() {
        database.sql("""
                        insert into registry_event_rule (county_code, event_type, effective_from, action, category, merge_window_days,
                                                         threshold_fen, proactive, changed_by, changed_at)
                        values (:county, 'MEDICAL_BILL', date '2024-01-01', 'TEMPORARY_AID', 'MEDICAL_EMERGENCY', 30, 500000, false,
                                'test', now())
                        on conflict do nothing
                        """).bind("county", REVIEWING_COUNTY).then().block(Duration.ofSeconds(10));
        String source = "MEDICAL-INSURANCE-" + UUID.randomUUID();
        String proactiveVillage = Coordination.village(40);
        String reviewingVillage = REVIEWING_COUNTY + "001001";
        String granted = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String small = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String reviewed = RegistryPeople.newIdNumber(REVIEWING_COUNTY);

        JsonNode answer = send(List.of(
                event(source, "M-1", "MEDICAL_BILL", granted, proactiveVillage, "2025-05-03", 1_200_000L),
                event(source, "M-2", "MEDICAL_BILL", small, proactiveVillage, "2025-05-03", 80_000L),
                event(source, "M-3", "MEDICAL_BILL", reviewed, reviewingVillage, "2025-05-03", 1_200_000L)));

        JsonNode proactive = answer.get("results").get(0);
        assertThat(proactive.get("outcome").asString()).isEqualTo("REPORT_FILED");
        assertThat(proactive.get("proactive").asBoolean()).isTrue();
        assertThat(proactive.get("decision").asString()).isEqualTo("FAST_TRACK");
        assertThat(proactive.get("grantId")).isNotNull();
        assertThat(proactive.get("grantAmountFen").asLong()).isPositive();
        assertThat((String) reportRow(proactive.get("reportId").asString()).get("description")).contains("免申即享")
                .contains("no application");
        assertThat(reportRow(proactive.get("reportId").asString())).containsEntry("status", "FAST_TRACKED");

        assertThat(answer.get("results").get(1).get("outcome").asString()).isEqualTo("NO_ACTION");
        assertThat(people.reportsAbout(small)).isZero();

        JsonNode onlyReported = answer.get("results").get(2);
        assertThat(onlyReported.get("outcome").asString()).isEqualTo("REPORT_FILED");
        assertThat(onlyReported.get("proactive").asBoolean()).isFalse();
        assertThat(onlyReported.get("decision").asString()).isEqualTo("STANDARD");
        assertThat(onlyReported.has("grantId")).isFalse();
        assertThat(reportRow(onlyReported.get("reportId").asString())).containsEntry("status", "IN_REVIEW");
    }

    @Test
    void badEventsAreAnsweredByIndexWithTheirErrorsAndTheOthersStillAct() {
        String source = "EDUCATION-" + UUID.randomUUID();
        String child = RegistryPeople.newIdNumber(Coordination.COUNTY);
        Map<String, Object> bad = event(source, "B-1", "FLOOD", "110105194912310021", "6405", "yesterday", null);

        String good = json.writeValueAsString(event(source, "B-2", "DISABILITY_CERTIFIED", child, Coordination.village(41), "2025-05-04", null));
        String body = "[" + json.writeValueAsString(bad) + "," + good + ", 42, {\"eventId\": \"B-4\", \"amountFen\": {\"yuan\": 1}}]";

        JsonNode answer = json.readTree(web.post().uri(EVENTS).header("Authorization", feed.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(answer.get("received").asInt()).isEqualTo(4);
        assertThat(answer.get("refused").asInt()).isEqualTo(3);
        assertThat(answer.get("results").get(2).get("index").asInt()).isEqualTo(2);
        assertThat(answer.get("results").get(2).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(answer.get("results").get(3).get("outcome").asString()).isEqualTo("REFUSED");
        JsonNode refused = answer.get("results").get(0);
        assertThat(refused.get("index").asInt()).isZero();
        assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("errors").findValuesAsString("field")).contains("type", "idNumber", "villageCode", "occurredOn");
        assertThat(answer.get("results").get(1).get("index").asInt()).isEqualTo(1);
        assertThat(answer.get("results").get(1).get("outcome").asString()).isEqualTo("REPORT_FILED");
    }

    @Test
    void onlyTheRegistryFeedSendsEvents() {
        List<Map<String, Object>> body = List.of(event("EDUCATION", "R-" + UUID.randomUUID(), "CARER_LOST",
                RegistryPeople.newIdNumber(Coordination.COUNTY), Coordination.village(42), "2025-05-05", null));
        for (String token : List.of(tokens.newCitizen().token(), tokens.staff(Role.OPERATOR, Coordination.COUNTY).token(),
                tokens.staff(Role.COORDINATOR, Coordination.COUNTY).token(), tokens.staff(Role.SUPERVISOR, Coordination.COUNTY).token(),
                tokens.staff(Role.MONITOR, "640000").token(), tokens.hotlinePlatform().token())) {
            web.post().uri(EVENTS).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isForbidden();
        }
        web.post().uri(EVENTS).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void flagOutcomesSuspendEndAndChangeTheAmountOfTheEnrolments() {
        String suspended = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String ended = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String changed = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String village = Coordination.village(43);
        for (String person : List.of(suspended, ended, changed)) {
            people.enrol(person, village, List.of("DISABILITY_SUBSIDY:ACTIVE", "MINIMUM_LIVING:ACTIVE"));
        }
        String supervisor = coordination.supervisor();

        String suspendedReport = flag(suspended, village);
        JsonNode closed = outcome(supervisor, suspendedReport, Map.of("outcome", "SUSPENDED", "note", "Vehicle registered"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(people.enrolments(suspended))
                .containsExactly("DISABILITY_SUBSIDY:SUSPENDED:60000", "MINIMUM_LIVING:SUSPENDED:60000"));
        assertThat(people.history(suspended)).containsExactly("DISABILITY_SUBSIDY:SUSPENDED:FLAG_OUTCOME", "MINIMUM_LIVING:SUSPENDED:FLAG_OUTCOME")
                .hasSize(2);
        // Once per flag.
        outcome(supervisor, suspendedReport, Map.of("outcome", "CLEARED", "note", "again"), 409);

        outcome(supervisor, flag(ended, village), Map.of("outcome", "ENDED", "programme", "MINIMUM_LIVING", "note", "Income above the line"),
                200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(people.enrolments(ended))
                .containsExactly("DISABILITY_SUBSIDY:ACTIVE:60000", "MINIMUM_LIVING:ENDED:60000"));

        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("outcome", "AMOUNT_CHANGED");
        amount.put("programme", "MINIMUM_LIVING");
        amount.put("newMonthlyAmountFen", 45000);
        amount.put("note", "Household income re-checked");
        outcome(supervisor, flag(changed, village), amount, 200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(people.enrolments(changed))
                .containsExactly("DISABILITY_SUBSIDY:ACTIVE:60000", "MINIMUM_LIVING:ACTIVE:45000"));
        assertThat(people.history(changed)).containsExactly("MINIMUM_LIVING:ACTIVE:FLAG_OUTCOME");
    }

    @Test
    void onlyTheCountysSupervisorsRecordAFlagOutcomeAndOnlyOnAFlagsReport() {
        String person = RegistryPeople.newIdNumber(Coordination.COUNTY);
        String village = Coordination.village(44);
        String report = flag(person, village);
        Map<String, Object> body = Map.of("outcome", "CLEARED", "note", "Checked: nothing wrong");

        outcome(tokens.newCitizen().token(), report, body, 403);
        outcome(tokens.staff(Role.OPERATOR, Coordination.COUNTY).token(), report, body, 403);
        outcome(coordination.coordinatorOf(village), report, body, 403);
        outcome(tokens.staff(Role.AUDITOR, Coordination.COUNTY).token(), report, body, 403);
        outcome(tokens.staff(Role.MONITOR, "640000").token(), report, body, 403);
        outcome(feed.token(), report, body, 403);
        outcome(tokens.staff(Role.SUPERVISOR, "640104").token(), report, body, 404);
        outcome(tokens.staff(Role.SUPERVISOR, Coordination.townshipOf(village)).token(), report, body, 403);
        Map<String, Object> noAmount = Map.of("outcome", "AMOUNT_CHANGED", "programme", "MINIMUM_LIVING", "note", "?");
        outcome(coordination.supervisor(), report, noAmount, 400);

        String ordinary = coordination.file(village, false).get("id").asString();
        outcome(coordination.supervisor(), ordinary, body, 409);

        outcome(coordination.supervisor(), report, body, 200);
    }

    private String flag(String idNumber, String village) {
        String source = "test-outcome-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("flagId", "F-1");
        flag.put("villageCode", village);
        flag.put("category", "BASIC_LIVING");
        flag.put("subjectName", "马建国");
        flag.put("idNumber", idNumber);
        flag.put("householdSize", 2);
        flag.put("reason", "Vehicle registered while receiving the minimum-living allowance");
        web.post().uri("/api/v1/monitoring/flags?source=" + source).header("Authorization", "Bearer " + coordination.supervisor())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(flag))
                .exchange().expectStatus().isOk();
        return database.sql("select report_id from monitoring_flag where source = :source and flag_id = 'F-1'").bind("source", source)
                .map(row -> row.get("report_id", UUID.class).toString()).one().block(Duration.ofSeconds(10));
    }

    private JsonNode outcome(String token, String report, Map<String, Object> body, int status) {
        byte[] answer = web.post().uri("/api/v1/reports/{id}/flag-outcome", report).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return json.readTree(answer);
    }

    private JsonNode send(List<Map<String, Object>> events) {
        return json.readTree(web.post().uri(EVENTS).header("Authorization", feed.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(events).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private static Map<String, Object> event(String source, String eventId, String type, String idNumber, String village, String on,
            Long amountFen) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("source", source);
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("idNumber", idNumber);
        event.put("villageCode", village);
        event.put("occurredOn", on);
        if (amountFen != null) {
            event.put("amountFen", amountFen);
        }
        event.put("note", "test");
        return event;
    }

    private Map<String, Object> reportRow(String reportId) {
        return database.sql("select channel, category, status, trim(village_code) as village_code, description from report where id = :id")
                .bind("id", UUID.fromString(reportId))
                .fetch().one().block(Duration.ofSeconds(10));
    }
}
