package org.aidline.api.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Aid first, paperwork afterwards: triage and the grant are decided in the filing request. */
@IntegrationTest
class FastTrackIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Test
    void urgentMedicalEmergencyIsGrantedAtOnceUpToTheCap() {
        JsonNode report = file(tokens.newCitizen(), SampleReports.selfReport());

        assertThat(report.at("/triage/decision").asString()).isEqualTo("FAST_TRACK");
        assertThat(report.at("/triage/reasons").toString()).contains("URGENT_FAST_TRACK_CATEGORY", "REQUEST_ABOVE_CAP");
        assertThat(report.at("/triage/policyCounty").asString()).isEqualTo("640000");
        assertThat(report.at("/triage/policyVersion").asInt()).isEqualTo(1);
        assertThat(report.get("status").asString()).isEqualTo("FAST_TRACKED");
        // Requested 3000.50 yuan; the province cap is 3 x 800 = 2400: paid now, the rest waits for the county.
        assertThat(report.at("/grant/amount").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(report.at("/grant/awaitingApproval").decimalValue()).isEqualByComparingTo("600.50");
        assertThat(report.at("/grant/status").asString()).isEqualTo("AWAITING_DOCUMENTS");
        assertThat(report.at("/grant/requiredDocuments").toString()).contains("ID", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS");
        Instant created = Instant.parse(report.get("createdAt").asString());
        assertThat(Instant.parse(report.at("/grant/documentsDueAt").asString())).isEqualTo(created.plus(Duration.ofDays(10)));
        assertThat(report.at("/history/1/type").asString()).isEqualTo("TRIAGED");
        assertThat(report.at("/history/2/type").asString()).isEqualTo("GRANTED");

        String grantId = report.at("/grant/id").asString();
        assertThat(one("select amount_fen from ledger_entry where grant_id = :id and kind = 'GRANT'", grantId)).isEqualTo(240000L);
        assertThat(one("select amount_fen from payment_instruction where grant_id = :id and kind = 'PAYMENT'", grantId)).isEqualTo(240000L);
    }

    @Test
    void withoutARequestedAmountTheStandardAmountForTheHouseholdIsGranted() {
        Map<String, Object> body = SampleReports.selfReport();
        body.remove("requestedAmount");
        SampleReports.subjectOf(body).put("householdSize", 4);
        JsonNode report = file(tokens.newCitizen(), body);
        assertThat(report.at("/grant/amount").decimalValue()).isEqualByComparingTo("2100.00");
        assertThat(report.at("/grant/awaitingApproval").decimalValue()).isEqualByComparingTo("0");
        assertThat(report.at("/triage/reasons").toString()).contains("STANDARD_AMOUNT_APPLIED");
    }

    @Test
    void notUrgentGoesToTheReviewQueueWithoutAGrant() {
        Map<String, Object> body = SampleReports.selfReport();
        body.put("urgent", false);
        JsonNode report = file(tokens.newCitizen(), body);
        assertThat(report.at("/triage/decision").asString()).isEqualTo("STANDARD");
        assertThat(report.at("/triage/reasons/0").asString()).isEqualTo("NOT_URGENT");
        assertThat(report.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(report.has("grant")).isFalse();
    }

    @Test
    void aSecondReportOfTheHouseholdIsADuplicateLinkedToTheFirst() {
        Map<String, Object> first = SampleReports.selfReport();
        JsonNode granted = file(tokens.newCitizen(), first);
        Map<String, Object> second = SampleReports.selfReport();
        SampleReports.subjectOf(second).put("idNumber", SampleReports.subjectOf(first).get("idNumber"));
        JsonNode duplicate = file(tokens.newCitizen(), second);
        assertThat(duplicate.at("/triage/decision").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.at("/triage/reasons/0").asString()).isEqualTo("HOUSEHOLD_GRANTED_WITHIN_WINDOW");
        assertThat(duplicate.at("/triage/linkedReport").asString()).isEqualTo(granted.get("id").asString());
        assertThat(duplicate.has("grant")).isFalse();
    }

    @Test
    void aHotlineReportWithoutIdNumberWaitsForIdentityBeforeAnyPayment() {
        Map<String, Object> body = SampleReports.hotlineReport("640104001001", "13900000001");
        body.put("category", "ACCIDENT");
        body.put("urgent", true);
        JsonNode report = filings.fileByHotline(tokens.staff(Role.OPERATOR, "640104"), body);
        assertThat(report.at("/triage/decision").asString()).isEqualTo("FAST_TRACK");
        assertThat(report.at("/triage/reasons").toString()).contains("IDENTITY_UNKNOWN_HOUSEHOLD_NOT_CHECKED");
        assertThat(report.at("/grant/status").asString()).isEqualTo("AWAITING_IDENTITY");
        assertThat(report.at("/grant/documentsDueAt").isMissingNode()).isTrue();
        assertThat(count("select count(*) from payment_instruction where grant_id = :id", report.at("/grant/id").asString())).isZero();
    }

    @Test
    void appAndHotlineReportsOfOneHouseholdAtTheSameInstantMakeOneGrantAndOneDuplicate() {
        assertOneGrantPerHousehold(port, port, 8);
    }

    @Test
    void twoInstancesAtTheSameInstantStillMakeOneGrantPerHousehold() {
        try (SecondInstance other = SecondInstance.sharing(environment)) {
            assertOneGrantPerHousehold(port, other.port(), 8);
        }
    }

    @Test
    void theDatabaseItselfRefusesASecondGrantInTheWindow() {
        JsonNode first = file(tokens.newCitizen(), SampleReports.selfReport());
        String grantId = first.at("/grant/id").asString();
        Map<String, Object> standard = SampleReports.selfReport();
        standard.put("urgent", false);
        String ungranted = file(tokens.newCitizen(), standard).get("id").asString();
        // Written straight to the database, as a bug in any code path might: the constraint still holds.
        String copy = """
                insert into aid_grant (id, report_id, county_code, household_key, status, amount_fen, required_documents,
                    policy_county, policy_version, fast_track_window, created_at, updated_at)
                select gen_random_uuid(), r.id, g.county_code, g.household_key, 'AWAITING_DOCUMENTS', 1, '[]', '640000', 1,
                    tstzrange(now() + interval '1 day', now() + interval '31 days'), now(), now()
                from aid_grant g, report r where g.id = :id and r.id = :other
                """;
        Mono<Long> insert = database.sql(copy).bind("id", UUID.fromString(grantId)).bind("other", UUID.fromString(ungranted))
                .fetch().rowsUpdated();
        org.assertj.core.api.Assertions.assertThatThrownBy(insert::block)
                .hasMessageContaining("one_fast_track_grant_per_household");
    }

    /** Files, for each of n households, an app report on one instance and a hotline report on another, at once. */
    void assertOneGrantPerHousehold(int appPort, int hotlinePort, int households) {
        Caller operator = tokens.staff(Role.OPERATOR, "640104");
        List<Mono<String>> racing = new ArrayList<>();
        List<String> idNumbers = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            Map<String, Object> app = SampleReports.selfReport();
            String idNumber = (String) SampleReports.subjectOf(app).get("idNumber");
            idNumbers.add(idNumber);
            Map<String, Object> hotline = SampleReports.hotlineReport("640104003002", "13900000002");
            hotline.put("category", "MEDICAL_EMERGENCY");
            hotline.put("urgent", true);
            SampleReports.subjectOf(hotline).put("idNumber", idNumber);
            racing.add(post(appPort, Filings.REPORTS, tokens.newCitizen(), app));
            racing.add(post(hotlinePort, Filings.HOTLINE_REPORTS, operator, hotline));
        }
        List<String> bodies = reactor.core.publisher.Flux.merge(racing).collectList().block(Duration.ofSeconds(60));
        assertThat(bodies).hasSize(households * 2);
        List<JsonNode> reports = bodies.stream().map(json::readTree).toList();
        for (String idNumber : idNumbers) {
            String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
            List<String> decisions = reports.stream().filter(r -> r.at("/subject/idNumber").asString().equals(masked))
                    .map(r -> r.at("/triage/decision").asString()).sorted().toList();
            assertThat(decisions).containsExactly("DUPLICATE", "FAST_TRACK");
        }
        // Counted by the racing reports themselves: masked ID numbers of other tests' households may coincide.
        String[] racingReports = reports.stream().map(report -> report.get("id").asString()).toArray(String[]::new);
        long grants = database.sql("select count(*) from aid_grant where report_id = any(cast(:ids as uuid[]))")
                .bind("ids", racingReports).map(row -> row.get(0, Long.class)).one().block();
        assertThat(grants).isEqualTo(households);
    }

    Mono<String> post(int port, String path, Caller caller, Map<String, Object> body) {
        return Filings.over(WebClient.create("http://127.0.0.1:" + port), path, caller.bearer(), Filings.newKey(), body)
                .retrieve().bodyToMono(String.class);
    }

    JsonNode file(Caller citizen, Map<String, Object> body) {
        return filings.file(citizen, body);
    }

    Long one(String sql, String grantId) {
        return database.sql(sql).bind("id", UUID.fromString(grantId)).map(row -> row.get(0, Long.class)).one().block();
    }

    long count(String sql, Object parameter) {
        Object value = parameter instanceof String text && text.length() == 36 ? UUID.fromString(text) : parameter;
        return database.sql(sql).bind("id", value).map(row -> row.get(0, Long.class)).one().block();
    }
}
