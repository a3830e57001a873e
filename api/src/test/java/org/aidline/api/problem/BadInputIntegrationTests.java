package org.aidline.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Everything a client can get wrong: a clear problem+json, never a 500, and nothing filed. */
@IntegrationTest
class BadInputIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    static Stream<Arguments> invalidReports() {
        return Stream.of(
                invalid("missing category", body -> body.remove("category"), "category"),
                invalid("blank description", body -> body.put("description", "  "), "description"),
                invalid("description too long", body -> body.put("description", "长".repeat(4001)), "description"),
                invalid("village code of 6 digits", body -> body.put("villageCode", "640104"), "villageCode"),
                invalid("village code with letters", body -> body.put("villageCode", "64010400100A"), "villageCode"),
                invalid("missing urgent", body -> body.remove("urgent"), "urgent"),
                invalid("negative amount", body -> body.put("requestedAmount", -5), "requestedAmount"),
                invalid("zero amount", body -> body.put("requestedAmount", 0), "requestedAmount"),
                invalid("amount with three decimals", body -> body.put("requestedAmount", 10.005), "requestedAmount"),
                invalid("absurd amount", body -> body.put("requestedAmount", 1e12), "requestedAmount"),
                invalid("missing subject", body -> body.remove("subject"), "subject"),
                invalid("blank subject name", body -> SampleReports.subjectOf(body).put("name", ""), "subject.name"),
                invalid("wrong ID check digit", body -> SampleReports.subjectOf(body).put("idNumber", "110105194912310021"), "subject.idNumber"),
                invalid("ID with impossible birth date", body -> SampleReports.subjectOf(body).put("idNumber", "110105194913310028"), "subject.idNumber"),
                invalid("ID too short", body -> SampleReports.subjectOf(body).put("idNumber", "11010519491231002"), "subject.idNumber"),
                invalid("missing ID on a self-report", body -> SampleReports.subjectOf(body).remove("idNumber"), "subject.idNumber"),
                invalid("phone with letters", body -> SampleReports.subjectOf(body).put("phone", "call me"), "subject.phone"),
                invalid("household of zero", body -> SampleReports.subjectOf(body).put("householdSize", 0), "subject.householdSize"),
                invalid("household of 51", body -> SampleReports.subjectOf(body).put("householdSize", 51), "subject.householdSize"),
                invalid("latitude out of range", body -> body.put("location", Map.of("lat", 91, "lon", 106)), "location.lat"),
                invalid("location without longitude", body -> body.put("location", Map.of("lat", 38)), "location.lon"),
                invalid("attachment without hash", body -> body.put("attachments", List.of(Map.of("type", "ID", "size", 10, "uri", "https://a.example/x"))), "attachments[0].sha256"),
                invalid("attachment with a relative uri", body -> body.put("attachments", List.of(Map.of("type", "ID", "size", 10, "uri", "../etc/passwd",
                        "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))), "attachments[0].uri"),
                invalid("attachment of negative size", body -> body.put("attachments", List.of(Map.of("type", "ID", "size", -1, "uri", "https://a.example/x",
                        "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))), "attachments[0].size"),
                invalid("caller on a self-report", body -> body.put("caller", Map.of("phone", "13900000000")), "caller"));
    }

    static Arguments invalid(String what, Consumer<Map<String, Object>> breakIt, String field) {
        return Arguments.of(what, breakIt, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReports")
    void invalidFieldsAreNamedAndNothingIsFiled(String what, Consumer<Map<String, Object>> breakIt, String field) {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        breakIt.accept(body);
        JsonNode problem = problem(post(citizen, MediaType.APPLICATION_JSON, json.writeValueAsString(body)), 400);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains(field);
        assertThat(filedBy(citizen)).isZero();
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{bad json", null),
                Arguments.of("truncated JSON", "{\"category\":\"OTHER\",", null),
                Arguments.of("an array", "[1,2,3]", null),
                Arguments.of("a string", "\"hello\"", null),
                Arguments.of("empty body", "", null),
                Arguments.of("unknown category", "{\"category\":\"LOTTERY\"}", "category"),
                Arguments.of("urgent as text", "{\"urgent\":\"very\"}", "urgent"),
                Arguments.of("household as text", "{\"subject\":{\"householdSize\":\"many\"}}", "subject.householdSize"),
                Arguments.of("amount as object", "{\"requestedAmount\":{\"yuan\":5}}", "requestedAmount"),
                Arguments.of("attachments as object", "{\"attachments\":{}}", "attachments"),
                Arguments.of("household beyond int", "{\"subject\":{\"householdSize\":99999999999999999999}}", "subject.householdSize"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreRefusedWithTheOffendingField(String what, String body, String field) {
        Caller citizen = tokens.newCitizen();
        JsonNode problem = problem(post(citizen, MediaType.APPLICATION_JSON, body), 400);
        assertThat(problem.get("type").asString()).isIn("/problems/malformed-body", "/problems/validation");
        if (field != null) {
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
        assertThat(filedBy(citizen)).isZero();
    }

    @Test
    void unknownVillageIsUnprocessable() {
        Caller citizen = tokens.newCitizen();
        Map<String, Object> body = SampleReports.selfReport();
        body.put("villageCode", "640104011001");
        JsonNode problem = problem(post(citizen, MediaType.APPLICATION_JSON, json.writeValueAsString(body)), 422);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/unknown-village");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("villageCode");
        assertThat(filedBy(citizen)).isZero();
    }

    @Test
    void oversizeBodyIsTooLarge() {
        Map<String, Object> body = SampleReports.selfReport();
        body.put("description", "x".repeat(70_000));
        JsonNode problem = problem(post(tokens.newCitizen(), MediaType.APPLICATION_JSON, json.writeValueAsString(body)), 413);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        JsonNode problem = problem(post(tokens.newCitizen(), MediaType.TEXT_PLAIN, "category=OTHER"), 415);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/unsupported-media-type");
        problem(post(tokens.newCitizen(), MediaType.APPLICATION_XML, "<report/>"), 415);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        String bearer = tokens.newCitizen().bearer();
        assertThat(problem(web.get().uri("/api/v1/nothing-here").header("Authorization", bearer).exchange(), 404).get("type").asString())
                .isEqualTo("/problems/not-found");
        assertThat(problem(web.delete().uri("/api/v1/me").header("Authorization", bearer).exchange(), 405).get("type").asString())
                .isEqualTo("/problems/method-not-allowed");
    }

    @Test
    void badQueryParametersAreNamed() {
        String bearer = tokens.newCitizen().bearer();
        JsonNode limit = problem(web.get().uri("/api/v1/me/reports?limit=0").header("Authorization", bearer).exchange(), 400);
        assertThat(limit.get("errors").get(0).get("field").asString()).isEqualTo("limit");
        problem(web.get().uri("/api/v1/me/reports?limit=lots").header("Authorization", bearer).exchange(), 400);
        problem(web.get().uri("/api/v1/me/reports?cursor=%%%").header("Authorization", bearer).exchange(), 400);
        problem(web.get().uri("/api/v1/me/reports?cursor=bm90LWEtY3Vyc29y").header("Authorization", bearer).exchange(), 400);
        String operator = tokens.staff(org.aidline.intake.access.Role.OPERATOR, "640104").bearer();
        problem(web.get().uri("/api/v1/reports?phone=letters").header("Authorization", operator).exchange(), 400);
        problem(web.get().uri("/api/v1/reports").header("Authorization", operator).exchange(), 400);
    }

    @Test
    void problemsAreInChineseUnlessTheClientAsksForEnglish() {
        Map<String, Object> body = SampleReports.selfReport();
        body.remove("category");
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        for (String language : new String[] {"", "zh-CN,zh;q=0.9", "en", "en-US,en;q=0.8", "fr-FR", "zh-TW", "de, en;q=0.5"}) {
            WebTestClient.RequestBodySpec request = filings.reportRequest(tokens.newCitizen().bearer(), Filings.newKey());
            if (!language.isEmpty()) {
                request.header("Accept-Language", language);
            }
            titles.put(language, problem(request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 400)
                    .get("title").asString());
        }
        assertThat(titles).containsExactly(
                Map.entry("", "请求无效"), Map.entry("zh-CN,zh;q=0.9", "请求无效"), Map.entry("en", "Invalid request"),
                Map.entry("en-US,en;q=0.8", "Invalid request"), Map.entry("fr-FR", "请求无效"), Map.entry("zh-TW", "请求无效"),
                Map.entry("de, en;q=0.5", "Invalid request"));
    }

    @Test
    void aDetailTheCodeWroteInEnglishComesWithTheChineseStandardOneUnlessEnglishIsAsked() {
        String operator = tokens.staff(org.aidline.intake.access.Role.OPERATOR, "640104").bearer();
        JsonNode chinese = problem(web.get().uri("/api/v1/reports/{id}", java.util.UUID.randomUUID()).header("Authorization", operator)
                .exchange(), 404);
        assertThat(chinese.get("detail").asString()).isEqualTo("资源不存在，或您无权查看。");
        assertThat(chinese.get("englishDetail").asString()).startsWith("No ");
        JsonNode english = problem(web.get().uri("/api/v1/reports/{id}", java.util.UUID.randomUUID()).header("Authorization", operator)
                .header("Accept-Language", "en").exchange(), 404);
        assertThat(english.get("detail").asString()).isEqualTo(chinese.get("englishDetail").asString());
        assertThat(english.has("englishDetail")).isFalse();
    }

    WebTestClient.ResponseSpec post(Caller citizen, MediaType type, String body) {
        return filings.reportRequest(citizen.bearer(), Filings.newKey())
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    /** Asserts the status and the problem+json shape, and that nothing of the server's insides leaks. */
    JsonNode problem(WebTestClient.ResponseSpec response, int status) {
        EntityExchangeResult<byte[]> result = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();
        String text = new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Exception", "at org.", "at java.", "tools.jackson");
        JsonNode problem = json.readTree(text);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    long filedBy(Caller caller) {
        return database.sql("select count(*) from report where filed_by = :who").bind("who", caller.subject())
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
