package org.aidline.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.aidline.intake.calendar.CalendarYears;
import org.aidline.intake.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The working-day calendar over HTTP: seeded from the shipped data, read by staff, replaced by a province supervisor. */
@IntegrationTest
class CalendarIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    CalendarYears calendars;

    @Test
    void theCurrentAndNextYearAreSeededFromThePublishedData() {
        web.get().uri("/api/v1/calendar/2026")
                .header("Authorization", tokens.staff(Role.OPERATOR, "640104").bearer())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.published").isEqualTo(true)
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.days[?(@.date == '2026-02-14')].off").isEqualTo(List.of(false))
                .jsonPath("$.days[?(@.date == '2026-10-01')].off").isEqualTo(List.of(true));
        // 2027's notice is not out yet: weekends only, and it says so.
        web.get().uri("/api/v1/calendar/2027")
                .header("Authorization", tokens.staff(Role.COORDINATOR, "640104001001").bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.published").isEqualTo(false)
                .jsonPath("$.days").isEmpty();
    }

    @Test
    void citizensAndMachinesDoNotReadItAndYearsOutsideTheServiceAreNotFound() {
        web.get().uri("/api/v1/calendar/2026").header("Authorization", tokens.newCitizen().bearer())
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/calendar/2026").header("Authorization", "Bearer " + tokens.partner("CIVIL_AFFAIRS"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/calendar/1999").header("Authorization", tokens.staff(Role.AUDITOR, "640104").bearer())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/calendar/next").header("Authorization", tokens.staff(Role.AUDITOR, "640104").bearer())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aProvinceSupervisorReplacesAYearOnTheVersionReadAndDeadlinesCountInIt() {
        String province = tokens.staff(Role.SUPERVISOR, "640000").bearer();
        Map<String, Object> notice = Map.of("published", true, "days", List.of(
                Map.of("date", "2028-01-03", "off", true, "name", "元旦"),
                Map.of("date", "2028-01-08", "off", false, "name", "元旦")));

        web.put().uri("/api/v1/calendar/2028").header("Authorization", province)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(notice)
                .exchange().expectStatus().isEqualTo(428);
        web.put().uri("/api/v1/calendar/2028").header("Authorization", tokens.staff(Role.SUPERVISOR, "640104").bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(notice)
                .exchange().expectStatus().isForbidden();
        web.put().uri("/api/v1/calendar/2028").header("Authorization", province).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(notice)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.days.length()").isEqualTo(2);
        // A second change on the version read first is refused: it would undo the first.
        web.put().uri("/api/v1/calendar/2028").header("Authorization", province).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(notice)
                .exchange().expectStatus().isEqualTo(412);

        WorkingCalendar calendar = calendars.covering(2028, 2028).block();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2028-01-03"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2028-01-08"))).isTrue();
        assertThat(calendar.isPublished(2028)).isTrue();
    }

    @Test
    void aWeekdayCannotBeWorkedInExchangeNorADayOfAnotherYearListed() {
        web.put().uri("/api/v1/calendar/2029").header("Authorization", tokens.staff(Role.SUPERVISOR, "640000").bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("published", true, "days", List.of(
                        Map.of("date", "2029-01-03", "off", false),
                        Map.of("date", "2030-01-01", "off", true))))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("days[0].off")
                .jsonPath("$.errors[1].field").isEqualTo("days[1].date");
    }
}
