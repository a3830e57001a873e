package org.aidline.api.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class Open311IntegrationTests {

    private static final String REFERENCE = "[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{2}";

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Test
    void servicesListTheCategoriesWithoutAToken() {
        JsonNode services = json.readTree(web.get().uri("/open311/v2/services.json").exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody());

        assertThat(services.valueStream().map(service -> service.get("service_code").asString()))
                .containsExactly(java.util.Arrays.stream(Category.values()).map(Enum::name).toArray(String[]::new));
        JsonNode medical = services.get(0);
        assertThat(medical.get("service_name").asString()).isEqualTo("Medical emergency");
        assertThat(medical.get("description").asString()).isNotBlank();
        assertThat(medical.get("metadata").asBoolean()).isTrue();
        assertThat(medical.get("type").asString()).isEqualTo("realtime");
        assertThat(medical.get("group").asString()).isEqualTo("Emergencies");
    }

    @Test
    void aServiceDefinitionNamesWhatAFilingNeedsBeyondOpen311sOwnFields() {
        JsonNode definition = json.readTree(web.get().uri("/open311/v2/services/LOSS_OF_INCOME.json").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(definition.get("service_code").asString()).isEqualTo("LOSS_OF_INCOME");
        assertThat(definition.get("attributes").valueStream().filter(attribute -> attribute.get("required").asBoolean())
                .map(attribute -> attribute.get("code").asString()))
                .containsExactly("village_code", "subject_name", "subject_id_number", "household_size", "urgent");
        JsonNode urgent = definition.get("attributes").get(5);
        assertThat(urgent.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(urgent.get("values").valueStream().map(value -> value.get("key").asString())).containsExactly("true", "false");
    }

    @Test
    void anUnknownServiceIsANotFoundProblem() {
        web.get().uri("/open311/v2/services/POTHOLE.json").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void aFormPostFilesTheCitizensReportAsTheAppWould() {
        Caller citizen = tokens.newCitizen();
        MultiValueMap<String, String> form = form(SampleReports.newIdNumber());
        form.add("address_string", "3rd lane, house 12");

        EntityExchangeResult<byte[]> filed = post(citizen, form, UUID.randomUUID().toString())
                .expectStatus().isCreated()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult();

        JsonNode receipt = json.readTree(filed.getResponseBody());
        assertThat(receipt.isArray()).isTrue();
        assertThat(receipt).hasSize(1);
        String reference = receipt.get(0).get("service_request_id").asString();
        assertThat(reference).matches(REFERENCE);
        assertThat(receipt.get(0).get("account_id").asString()).isEqualTo(citizen.subject());
        assertThat(receipt.get(0).get("service_notice").asString()).startsWith("Emergency aid is granted");

        JsonNode report = json.readTree(web.get().uri("/api/v1/reports/{id}", reportIdOf(reference)).header("Authorization", citizen.bearer())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(report.get("channel").asString()).isEqualTo("APP");
        assertThat(report.get("category").asString()).isEqualTo("MEDICAL_EMERGENCY");
        assertThat(report.get("status").asString()).isEqualTo("FAST_TRACKED");
        assertThat(report.get("villageCode").asString()).isEqualTo("640104001001");
        assertThat(report.get("description").asString()).startsWith("父亲突发脑溢血住院").endsWith("Address: 3rd lane, house 12");
        assertThat(report.at("/subject/householdSize").asInt()).isEqualTo(4);
        assertThat(report.at("/location/lat").asDouble()).isEqualTo(38.4872);
        assertThat(report.get("requestedAmount").decimalValue()).isEqualByComparingTo("3000.50");
        assertThat(report.at("/grant/id").asString()).isNotBlank();
    }

    @Test
    void aRequestShowsItsExpectedDatetimeFromTheHandlingDeadline() {
        Caller citizen = tokens.newCitizen();
        String withDeadline = file(citizen);
        // The report's coordinator task is opened from its filing event, with its handling deadline in working days.
        Instant handleBy = await().atMost(Duration.ofSeconds(10)).until(() -> database
                .sql("select handle_by from coordinator_task where report_id = :report")
                .bind("report", UUID.fromString(reportIdOf(withDeadline)))
                .map(row -> row.get("handle_by", OffsetDateTime.class).toInstant())
                .one().block(Duration.ofSeconds(10)), Objects::nonNull);

        JsonNode requests = read(citizen, "/open311/v2/requests/" + withDeadline + ".json");

        assertThat(requests).hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(withDeadline);
        assertThat(OffsetDateTime.parse(request.get("expected_datetime").asString()).toInstant())
                .isEqualTo(handleBy.truncatedTo(ChronoUnit.SECONDS));
        assertThat(request.get("expected_datetime").asString()).endsWith("+08:00");
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("status_notes").asString()).isNotBlank();
        assertThat(request.get("service_code").asString()).isEqualTo("MEDICAL_EMERGENCY");
        assertThat(request.get("service_name").asString()).isEqualTo("Medical emergency");
        assertThat(request.get("agency_responsible").asString()).isEqualTo("Xingqing Civil Affairs Bureau");
        assertThat(request.get("address_id").asString()).isEqualTo("640104001001");
        assertThat(request.get("address").asString()).endsWith(", Xingqing");
        assertThat(request.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
    }

    @Test
    void theSameIdempotencyKeyTwiceFilesOnce() {
        Caller citizen = tokens.newCitizen();
        MultiValueMap<String, String> form = form(SampleReports.newIdNumber());
        String key = UUID.randomUUID().toString();

        JsonNode first = json.readTree(post(citizen, form, key).expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        JsonNode again = json.readTree(post(citizen, form, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true").expectBody().returnResult().getResponseBody());

        assertThat(again).isEqualTo(first);
        assertThat(database.sql("select count(*) from report where filed_by = :citizen").bind("citizen", citizen.subject())
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10))).isEqualTo(1L);
        form.set("description", "another hardship");
        post(citizen, form, key).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void aMalformedFormIsABadRequestProblem() {
        web.post().uri("/open311/v2/requests.json").header("Authorization", tokens.newCitizen().bearer())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("service_code=MEDICAL_EMERGENCY&description=%zz%&attribute[urgent]=%E4")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/malformed-body");
    }

    @Test
    void invalidFieldsAreNamedAsTheFormNamesThem() {
        MultiValueMap<String, String> form = form("11010519491231002Y");
        form.set("service_code", "POTHOLE");
        form.set("attribute[household_size]", "four");
        form.set("long", "NaN");

        JsonNode problem = json.readTree(post(tokens.newCitizen(), form, UUID.randomUUID().toString())
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("attribute[household_size]", "long", "service_code");

        MultiValueMap<String, String> badId = form("11010519491231002Y");
        badId.remove("attribute[village_code]");
        JsonNode invalid = json.readTree(post(tokens.newCitizen(), badId, UUID.randomUUID().toString())
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody());
        assertThat(invalid.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("attribute[subject_id_number]", "attribute[village_code]");
    }

    @Test
    void aFormLargerThanTheLimitIsRefusedAsAProblem() {
        MultiValueMap<String, String> form = form(SampleReports.newIdNumber());
        form.set("description", "长".repeat(30_000));

        post(tokens.newCitizen(), form, UUID.randomUUID().toString())
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payload-too-large");
    }

    @Test
    void onlyCitizensFileAndOnlyTheFilerAndStaffReadRequests() {
        Caller citizen = tokens.newCitizen();
        String reference = file(citizen);

        forbidden(post(tokens.staff(Role.OPERATOR, "640104"), form(SampleReports.newIdNumber()), UUID.randomUUID().toString()));
        forbidden(post(tokens.staff(Role.SUPERVISOR, "640104"), form(SampleReports.newIdNumber()), UUID.randomUUID().toString()));
        forbidden(get(tokens.staff(Role.MONITOR, "640104").bearer(), "/open311/v2/requests.json"));
        forbidden(get(tokens.staff(Role.PAYMENT_GATEWAY, "640104").bearer(), "/open311/v2/requests/" + reference + ".json"));
        forbidden(get("Bearer " + tokens.partner("CHARITY_FEDERATION"), "/open311/v2/requests.json"));
        get(null, "/open311/v2/requests.json").expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/open311/v2/requests.json").body(BodyInserters.fromFormData(form(SampleReports.newIdNumber())))
                .exchange().expectStatus().isUnauthorized();

        // Another citizen and staff of another county are told it does not exist, and do not find it.
        for (String stranger : List.of(tokens.newCitizen().bearer(), tokens.staff(Role.SUPERVISOR, "640202").bearer())) {
            get(stranger, "/open311/v2/requests/" + reference + ".json").expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(text(get(stranger, "/open311/v2/requests.json?service_request_id=" + reference))).isEqualTo("[]");
        }
        assertThat(read(tokens.staff(Role.COORDINATOR, "640104001001"), "/open311/v2/requests/" + reference + ".json")).hasSize(1);
    }

    @Test
    void requestsAreFoundByIdServiceAndStatus() {
        Caller citizen = tokens.newCitizen();
        String first = file(citizen);
        String second = file(citizen);

        assertThat(references(citizen, "/open311/v2/requests.json")).containsExactly(second, first);
        assertThat(references(citizen, "/open311/v2/requests.json?service_request_id=" + first + ",NOT-A-REF")).containsExactly(first);
        assertThat(references(citizen, "/open311/v2/requests.json?service_code=MEDICAL_EMERGENCY&status=open")).containsExactly(second, first);
        assertThat(references(citizen, "/open311/v2/requests.json?status=closed")).isEmpty();
        assertThat(references(citizen, "/open311/v2/requests.json?service_code=DISASTER")).isEmpty();
        assertThat(references(citizen, "/open311/v2/requests.json?page_size=1&page=2")).containsExactly(first);
        assertThat(references(citizen, "/open311/v2/requests.json?end_date={end}", "2020-01-01T00:00:00+08:00")).isEmpty();
        get(citizen.bearer(), "/open311/v2/requests.json?status=pending").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        get(citizen.bearer(), "/open311/v2/requests.json?service_code=POTHOLE").expectStatus().isBadRequest();
        get(citizen.bearer(), "/open311/v2/requests.json?page_size=1000").expectStatus().isBadRequest();
        get(citizen.bearer(), "/open311/v2/requests.json?start_date=yesterday").expectStatus().isBadRequest();
    }

    @Test
    void noPersonalDataIsInWhatGetAnswers() {
        Caller citizen = tokens.newCitizen();
        String idNumber = SampleReports.newIdNumber();
        MultiValueMap<String, String> form = form(idNumber);
        form.set("attribute[subject_name]", "马秀兰");
        form.set("attribute[subject_phone]", "13912345678");
        form.set("description", "丈夫住院，邻居张国强帮忙照看孩子");
        form.add("address_string", "Lane 7, house 3");
        String reference = json.readTree(post(citizen, form, UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody()).get(0).get("service_request_id").asString();

        String supervisor = tokens.staff(Role.SUPERVISOR, "640104").bearer();
        for (String answer : List.of(
                text(get(citizen.bearer(), "/open311/v2/requests/" + reference + ".json")),
                text(get(citizen.bearer(), "/open311/v2/requests.json")),
                text(get(supervisor, "/open311/v2/requests.json?service_request_id=" + reference)))) {
            assertThat(answer).contains(reference)
                    .doesNotContain("马秀兰", "13912345678", idNumber, idNumber.substring(14), "张国强", "Lane 7", "38.4872", "106.2309",
                            citizen.subject());
        }
    }

    /** A valid form of an urgent medical emergency in 640104001001, its subject of the given ID number. */
    private static MultiValueMap<String, String> form(String idNumber) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("service_code", "MEDICAL_EMERGENCY");
        form.add("description", "父亲突发脑溢血住院，急需手术费 " + UUID.randomUUID());
        form.add("lat", "38.4872");
        form.add("long", "106.2309");
        form.add("attribute[village_code]", "640104001001");
        form.add("attribute[subject_name]", "王建国");
        form.add("attribute[subject_id_number]", idNumber);
        form.add("attribute[subject_phone]", "+86 138 0013 8000");
        form.add("attribute[household_size]", "4");
        form.add("attribute[urgent]", "true");
        form.add("attribute[requested_amount]", "3000.50");
        // Open311's own personal fields: not read, never stored.
        form.add("first_name", "建国");
        form.add("last_name", "王");
        form.add("email", "wang@example.com");
        return form;
    }

    private String file(Caller citizen) {
        return json.readTree(post(citizen, form(SampleReports.newIdNumber()), UUID.randomUUID().toString())
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get(0).get("service_request_id").asString();
    }

    private WebTestClient.ResponseSpec post(Caller caller, MultiValueMap<String, String> form, String idempotencyKey) {
        return web.post().uri("/open311/v2/requests.json").header("Authorization", caller.bearer())
                .header("Idempotency-Key", idempotencyKey)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(@Nullable String bearer, String uri, Object... variables) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(uri, variables);
        if (bearer != null) {
            request = request.header("Authorization", bearer);
        }
        return request.exchange();
    }

    private JsonNode read(Caller caller, String uri, Object... variables) {
        return json.readTree(get(caller.bearer(), uri, variables).expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private List<String> references(Caller caller, String uri, Object... variables) {
        return read(caller, uri, variables).valueStream().map(request -> request.get("service_request_id").asString()).toList();
    }

    private static String text(WebTestClient.ResponseSpec response) {
        return new String(response.expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private static void forbidden(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
    }

    private String reportIdOf(String reference) {
        return database.sql("select id from report where reference = :reference").bind("reference", reference)
                .map(row -> row.get("id", UUID.class)).one().block(Duration.ofSeconds(10)).toString();
    }
}
