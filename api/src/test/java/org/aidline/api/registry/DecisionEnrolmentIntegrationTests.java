package org.aidline.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.CaseSteps;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimum-living application the ordinary path grants enrols the person in the registry, once;
 * another category's grant does not. On the villages of Pengyang (640425), which no other test files to.
 */
@IntegrationTest
class DecisionEnrolmentIntegrationTests {

    static final String COUNTY = "640425";
    static final String VILLAGE = COUNTY + "001001";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Test
    void aGrantedMinimumLivingApplicationEnrolsThePersonOnceAndAnotherCategorysGrantDoesNot() {
        String supervisor = tokens.issue("sup-" + COUNTY, List.of(Role.SUPERVISOR), COUNTY);
        String basicLiving = decided("BASIC_LIVING", supervisor);
        String lossOfIncome = decided("LOSS_OF_INCOME", supervisor);

        await().atMost(Duration.ofSeconds(15)).until(() -> !enrolmentsOf(basicLiving).isEmpty());
        List<Map<String, Object>> enrolled = enrolmentsOf(basicLiving);
        assertThat(enrolled).hasSize(1);
        assertThat(enrolled.get(0)).containsEntry("programme", "MINIMUM_LIVING").containsEntry("status", "ACTIVE")
                // No standard set in the county: the amount decided (1,000 yuan) is the monthly allowance.
                .containsEntry("monthly_amount_fen", 100000L).containsEntry("source", "DECISION")
                .containsEntry("village_code", VILLAGE).containsEntry("county_code", COUNTY);
        assertThat((String) enrolled.get(0).get("name_masked")).as("the name kept masked and encrypted").contains("*");

        // Held a while: the other category's grant enrols nobody, and nothing is written twice.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> enrolmentsOf(lossOfIncome).isEmpty() && enrolmentsOf(basicLiving).size() == 1);
    }

    /** A hotline report of the category, with a known ID number, decided GRANT 1,000 yuan by the county. */
    String decided(String category, String supervisor) {
        Map<String, Object> body = SampleReports.hotlineReport(VILLAGE, "13900139222");
        body.put("category", category);
        body.put("requestedAmount", 1000);
        SampleReports.subjectOf(body).put("idNumber", SampleReports.newIdNumber());
        String report = new Filings(web, json).fileByHotline(tokens.staff(Role.OPERATOR, COUNTY), body).path("id").asString();
        new CaseSteps(web, json).decide(report, supervisor);
        return report;
    }

    /** The registry's enrolments of the report's person, with each history row. */
    List<Map<String, Object>> enrolmentsOf(String report) {
        return database.sql("""
                        select e.programme, e.status, e.monthly_amount_fen, e.village_code, e.county_code, c.source, m.name_masked
                        from enrolment e join member m on m.id = e.member_id join enrolment_change c on c.enrolment_id = e.id
                        where m.id_number_hash = (select r.subject_id_hash from report_view r where r.id = :report)
                        """)
                .bind("report", UUID.fromString(report))
                .fetch().all().collectList().block(Duration.ofSeconds(10));
    }
}
