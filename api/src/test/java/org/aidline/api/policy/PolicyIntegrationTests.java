package org.aidline.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Supervising;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy is data: read by the county's staff, changed by its supervisor as a new version, and
 * every decision keeps the version it was made under. Only Haiyuan (640522) and Jingyuan
 * (640424) are changed here, so other tests keep the province default.
 */
@IntegrationTest
class PolicyIntegrationTests {

    static final String HAIYUAN = "640522";
    static final String JINGYUAN = "640424";

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

    /** A full policy as a supervisor sends it: minimum living 850 yuan, no cap given. */
    static Map<String, Object> policy() {
        Map<String, Object> body = new HashMap<>();
        body.put("fastTrackCategories", List.of("MEDICAL_EMERGENCY", "ACCIDENT", "DISASTER"));
        body.put("referralCategories", List.of("UNEMPLOYED_GRADUATE"));
        body.put("excludedCategories", List.of());
        body.put("minimumLivingStandard", new BigDecimal("850.00"));
        body.put("standardAmounts", new HashMap<>(Map.of(
                "MEDICAL_EMERGENCY", List.of(new BigDecimal("1200.00"), new BigDecimal("1500.55")),
                "OTHER", List.of(new BigDecimal("850")))));
        body.put("requiredDocuments", new HashMap<>(Map.of(
                "MEDICAL_EMERGENCY", List.of("ID", "HOSPITAL_DIAGNOSIS"),
                "OTHER", List.of("ID", "HARDSHIP_PROOF"))));
        body.put("documentsDeadline", "P14D");
        body.put("frequencyWindow", "P30D");
        body.put("urgentAcknowledgement", "PT10M");
        body.put("normalAcknowledgement", "PT2H");
        body.put("reason", "County decree 2026-17: minimum-living standard 850 yuan");
        return body;
    }

    EntityExchangeResult<byte[]> read(String county, Caller caller) {
        return web.get().uri("/api/v1/policies/" + county).header("Authorization", caller.bearer()).exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }

    WebTestClient.ResponseSpec put(String county, Caller caller, Map<String, Object> body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = web.put().uri("/api/v1/policies/" + county).header("Authorization", caller.bearer());
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Puts the policy in force, based on what is in force now. */
    JsonNode change(String county, Map<String, Object> body) {
        Caller supervisor = api.supervisor(county);
        String etag = read(county, supervisor).getResponseHeaders().getETag();
        return api.body(put(county, supervisor, body, etag), 200);
    }

    @Test
    void aCountyWithoutItsOwnPolicyFollowsTheProvinceDefaultAndSaysSo() {
        EntityExchangeResult<byte[]> result = read("640302", tokens.staff(Role.COORDINATOR, "640302001001"));
        JsonNode policy = json.readTree(result.getResponseBody());
        assertThat(result.getResponseHeaders().getETag()).isEqualTo("\"640000-1\"");
        assertThat(policy.get("countyCode").asString()).isEqualTo("640302");
        assertThat(policy.get("source").asString()).isEqualTo("PROVINCE_DEFAULT");
        assertThat(policy.get("policyCounty").asString()).isEqualTo("640000");
        assertThat(policy.get("version").asInt()).isEqualTo(1);
        assertThat(policy.get("cap").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(policy.get("minimumLivingStandard").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(policy.at("/standardAmounts/MEDICAL_EMERGENCY/4").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(policy.get("documentsDeadline").asString()).isEqualTo("P10D");
        assertThat(policy.get("urgentAcknowledgement").asString()).isEqualTo("PT15M");
        assertThat(policy.get("normalAcknowledgement").asString()).isEqualTo("PT4H");
        assertThat(policy.get("fastTrackCategories").toString()).isEqualTo("[\"MEDICAL_EMERGENCY\",\"ACCIDENT\",\"DISASTER\",\"CHILD_WITHOUT_CARE\"]");
    }

    @Test
    void aChangeIsANewVersionWithWhoWhenAndWhyAndTheOldVersionStaysAsItWas() {
        Caller supervisor = api.supervisor(HAIYUAN);
        JsonNode before = json.readTree(read(HAIYUAN, supervisor).getResponseBody());
        List<JsonNode> historyBefore = versions(HAIYUAN);

        JsonNode changed = change(HAIYUAN, policy());

        int expectedVersion = before.get("source").asString().equals("COUNTY") ? before.get("version").asInt() + 1 : 1;
        assertThat(changed.get("source").asString()).isEqualTo("COUNTY");
        assertThat(changed.get("policyCounty").asString()).isEqualTo(HAIYUAN);
        assertThat(changed.get("version").asInt()).isEqualTo(expectedVersion);
        assertThat(changed.get("changedBy").asString()).startsWith("supervisor-");
        assertThat(changed.get("reason").asString()).isEqualTo("County decree 2026-17: minimum-living standard 850 yuan");
        assertThat(changed.get("documentsDeadline").asString()).isEqualTo("P14D");
        List<JsonNode> history = versions(HAIYUAN);
        assertThat(history).hasSize(historyBefore.size() + 1);
        assertThat(history.get(0).get("version").asInt()).isEqualTo(expectedVersion);
        for (int i = 0; i < historyBefore.size(); i++) {
            assertThat(history.get(i + 1)).isEqualTo(historyBefore.get(i));
        }
        JsonNode inForce = json.readTree(read(HAIYUAN, tokens.staff(Role.AUDITOR, "640500")).getResponseBody());
        assertThat(inForce.get("version").asInt()).isEqualTo(expectedVersion);
    }

    @Test
    void withoutACapTheCapIsThreeTimesTheMinimumLivingStandardAndYuanBecomeFenExactly() {
        JsonNode changed = change(HAIYUAN, policy());

        assertThat(changed.get("cap").decimalValue()).isEqualByComparingTo("2550.00");
        Map<String, Object> row = database.sql("select cap_fen, minimum_living_fen, standard_amounts::text as amounts, "
                        + "extract(epoch from documents_deadline)::bigint as deadline_s from policy where county_code = :county and version = :version")
                .bind("county", HAIYUAN).bind("version", changed.get("version").asInt()).fetch().one().block();
        assertThat(row).containsEntry("cap_fen", 255_000L).containsEntry("minimum_living_fen", 85_000L)
                .containsEntry("deadline_s", 14L * 86_400);
        assertThat((String) row.get("amounts")).contains("[120000, 150055]");

        Map<String, Object> withCap = policy();
        withCap.put("cap", new BigDecimal("3000.01"));
        assertThat(change(HAIYUAN, withCap).get("cap").decimalValue()).isEqualByComparingTo("3000.01");
    }

    @Test
    void theOrdinaryCasesRulesAreVersionedWithThePolicyKeptWhenAChangeLeavesThemOutAndAppliedToNewCases() {
        JsonNode byDefault = json.readTree(read("640302", tokens.staff(Role.COORDINATOR, "640302001001")).getResponseBody()).get("ordinaryCase");
        assertThat(byDefault.get("townshipCap").decimalValue()).as("3x the minimum-living standard").isEqualByComparingTo("2400.00");
        assertThat(byDefault.get("townshipCapFixed").asBoolean()).isFalse();
        assertThat(byDefault.get("noticeDays").asInt()).isEqualTo(7);
        assertThat(byDefault.get("afterPayment").toString()).isEqualTo("[\"INVESTIGATION\",\"MEANS_TEST\"]");

        Map<String, Object> rules = new HashMap<>(Map.of("townshipCap", new BigDecimal("3000.00"), "investigation", true, "meansTest", true,
                "noticeDays", 0, "deliberation", true, "afterPayment", List.of("INVESTIGATION"), "filedDecisionReviewDays", 10));
        Map<String, Object> body = policy();
        body.put("ordinaryCase", rules);
        JsonNode changed = change(HAIYUAN, body).get("ordinaryCase");
        assertThat(changed.get("townshipCap").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(changed.get("townshipCapFixed").asBoolean()).isTrue();
        assertThat(changed.get("noticeDays").asInt()).isZero();
        assertThat(changed.get("deliberation").asBoolean()).isTrue();

        JsonNode kept = change(HAIYUAN, policy()).get("ordinaryCase");
        assertThat(kept).as("a change that leaves them out keeps them").isEqualTo(changed);

        Tokens.Caller citizen = tokens.newCitizen();
        JsonNode filed = json.readTree(web.post().uri("/api/v1/reports").header("Authorization", citizen.bearer())
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SampleReports.standardReport(HAIYUAN + "001001", 1000)).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        JsonNode ordinary = json.readTree(web.get().uri("/api/v1/reports/{id}/case", filed.get("id").asString())
                .header("Authorization", citizen.bearer()).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        List<String> steps = new ArrayList<>();
        ordinary.get("steps").forEach(step -> steps.add(step.get("step").asString()));
        assertThat(steps).as("no notice, a deliberation").containsExactly("INVESTIGATION", "MEANS_TEST", "DELIBERATION");
        assertThat(ordinary.at("/rules/townshipCap").decimalValue()).isEqualByComparingTo("3000.00");
    }

    @Test
    void reportsKeepThePolicyVersionTheyWereTriagedUnderWhileNewReportsUseTheNewOne() {
        Map<String, Object> generous = policy();
        generous.put("cap", new BigDecimal("3000.00"));
        JsonNode first = change(JINGYUAN, generous);
        JsonNode earlier = api.fileUrgent("640424001001", "5000");
        assertThat(earlier.at("/triage/policyCounty").asString()).isEqualTo(JINGYUAN);
        assertThat(earlier.at("/triage/policyVersion").asInt()).isEqualTo(first.get("version").asInt());
        assertThat(earlier.at("/grant/amount").decimalValue()).isEqualByComparingTo("3000.00");

        Map<String, Object> strict = policy();
        strict.put("cap", new BigDecimal("2000.00"));
        strict.put("standardAmounts", Map.of("OTHER", List.of(new BigDecimal("850"))));
        JsonNode second = change(JINGYUAN, strict);
        assertThat(second.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);

        JsonNode earlierNow = api.report(earlier.get("id").asString(), JINGYUAN);
        assertThat(earlierNow.at("/triage/policyVersion").asInt()).isEqualTo(first.get("version").asInt());
        assertThat(earlierNow.at("/grant/policyVersion").asInt()).isEqualTo(first.get("version").asInt());
        assertThat(earlierNow.at("/grant/amount").decimalValue()).isEqualByComparingTo("3000.00");
        JsonNode later = api.fileUrgent("640424001001", "5000");
        assertThat(later.at("/triage/policyVersion").asInt()).isEqualTo(second.get("version").asInt());
        assertThat(later.at("/grant/policyVersion").asInt()).isEqualTo(second.get("version").asInt());
        assertThat(later.at("/grant/amount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(later.at("/grant/awaitingApproval").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(later.at("/grant/requiredDocuments").toString()).isEqualTo("[\"ID\",\"HOSPITAL_DIAGNOSIS\"]");
    }

    @Test
    void aChangeBasedOnAVersionNoLongerInForceIsRefusedWith412() {
        Caller supervisor = api.supervisor(HAIYUAN);
        String seen = read(HAIYUAN, supervisor).getResponseHeaders().getETag();
        put(HAIYUAN, supervisor, policy(), seen).expectStatus().isOk();
        int versions = versions(HAIYUAN).size();

        put(HAIYUAN, api.supervisor(HAIYUAN), policy(), seen)
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/precondition-failed");
        put(HAIYUAN, supervisor, policy(), "W/\"whatever\"").expectStatus().isEqualTo(412);
        assertThat(versions(HAIYUAN)).hasSize(versions);
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428AndStarMeansWhateverIsInForce() {
        Caller supervisor = api.supervisor(HAIYUAN);
        put(HAIYUAN, supervisor, policy(), null)
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/precondition-required");
        put(HAIYUAN, supervisor, policy(), "*").expectStatus().isOk();
    }

    @Test
    void twoChangesBasedOnTheSameVersionAtOnceMakeOneVersion() {
        Caller supervisor = api.supervisor(HAIYUAN);
        String seen = read(HAIYUAN, supervisor).getResponseHeaders().getETag();
        int versions = versions(HAIYUAN).size();
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 4)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> put(HAIYUAN, supervisor, policy(), seen)
                                .returnResult(String.class).getStatus().value())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .collectList().block();
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
        assertThat(versions(HAIYUAN)).hasSize(versions + 1);
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                invalid("no reason", body -> body.remove("reason"), "reason"),
                invalid("blank reason", body -> body.put("reason", " "), "reason"),
                invalid("cap of 0", body -> body.put("cap", 0), "cap"),
                invalid("negative cap", body -> body.put("cap", -100), "cap"),
                invalid("cap with three decimals", body -> body.put("cap", new BigDecimal("2400.001")), "cap"),
                invalid("no minimum living standard", body -> body.remove("minimumLivingStandard"), "minimumLivingStandard"),
                invalid("no fast-track categories", body -> body.remove("fastTrackCategories"), "fastTrackCategories"),
                invalid("unknown category", body -> body.put("fastTrackCategories", List.of("EARTHQUAKE")), "fastTrackCategories[0]"),
                invalid("no required documents", body -> body.put("requiredDocuments", Map.of()), "requiredDocuments"),
                invalid("empty required documents", body -> body.put("requiredDocuments", Map.of("OTHER", List.of())), "requiredDocuments[OTHER]"),
                invalid("lowercase document", body -> body.put("requiredDocuments", Map.of("OTHER", List.of("id card"))), "requiredDocuments[OTHER][0]"),
                invalid("no standard amounts", body -> body.remove("standardAmounts"), "standardAmounts"),
                invalid("standard amount of 0", body -> body.put("standardAmounts", Map.of("OTHER", List.of(0))), "standardAmounts[OTHER][0]"),
                invalid("standard amount above the cap", body -> body.put("standardAmounts", Map.of("OTHER", List.of(3000))), "standardAmounts[OTHER][0]"),
                invalid("fast-track category without documents", body -> body.put("requiredDocuments", Map.of("DISASTER", List.of("ID"))), "requiredDocuments"),
                invalid("excluded fast-track category", body -> body.put("excludedCategories", List.of("ACCIDENT")), "excludedCategories"),
                invalid("zero deadline", body -> body.put("documentsDeadline", "PT0S"), "documentsDeadline"),
                invalid("negative window", body -> body.put("frequencyWindow", "-P30D"), "frequencyWindow"),
                invalid("not a duration", body -> body.put("urgentAcknowledgement", "15 minutes"), "urgentAcknowledgement"),
                invalid("missing SLA", body -> body.remove("normalAcknowledgement"), "normalAcknowledgement"),
                invalid("deadline of two years", body -> body.put("documentsDeadline", "P730D"), "documentsDeadline"),
                invalid("notice of 31 days", body -> body.put("ordinaryCase", ordinaryCase(31, List.of())), "ordinaryCase.noticeDays"),
                invalid("after payment a step there is not", body -> body.put("ordinaryCase", ordinaryCase(0, List.of("NOTICE"))),
                        "ordinaryCase.afterPayment"));
    }

    static Map<String, Object> ordinaryCase(int noticeDays, List<String> afterPayment) {
        return Map.of("investigation", true, "meansTest", true, "noticeDays", noticeDays, "deliberation", false,
                "afterPayment", afterPayment, "filedDecisionReviewDays", 15);
    }

    static Arguments invalid(String name, Consumer<Map<String, Object>> breaking, String field) {
        return Arguments.of(name, breaking, field);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {2}")
    @MethodSource("invalidPolicies")
    void invalidPoliciesAreRefusedNamingTheFieldAndNothingIsRecorded(String name, Consumer<Map<String, Object>> breaking, String field) {
        Map<String, Object> body = policy();
        breaking.accept(body);
        int versions = versions(HAIYUAN).size();
        EntityExchangeResult<byte[]> result = put(HAIYUAN, api.supervisor(HAIYUAN), body, "*")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();
        List<String> fields = new ArrayList<>();
        json.readTree(result.getResponseBody()).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains(field);
        assertThat(versions(HAIYUAN)).hasSize(versions);
    }

    static Stream<Arguments> readRefusals() {
        return Stream.of(
                Arguments.of(Role.CITIZEN, null, 403),
                Arguments.of(Role.OPERATOR, "640104", 404),
                Arguments.of(Role.COORDINATOR, "640104001001", 404),
                Arguments.of(Role.SUPERVISOR, "640100", 404),
                Arguments.of(Role.AUDITOR, "640200", 404));
    }

    @ParameterizedTest(name = "reading Haiyuan's policy as {0} of {1} -> {2}")
    @MethodSource("readRefusals")
    void staffOutsideTheCountyAreToldItsPolicyDoesNotExist(Role role, String region, int status) {
        Caller caller = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        for (String path : List.of("/api/v1/policies/" + HAIYUAN, "/api/v1/policies/" + HAIYUAN + "/versions")) {
            web.get().uri(path).header("Authorization", caller.bearer()).exchange()
                    .expectStatus().isEqualTo(status)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void everyStaffRoleWorkingInTheCountyReadsItsPolicy() {
        for (Caller caller : List.of(tokens.staff(Role.OPERATOR, HAIYUAN), tokens.staff(Role.COORDINATOR, "640522001001"),
                tokens.staff(Role.SUPERVISOR, "640522002"), tokens.staff(Role.AUDITOR, "640000"))) {
            read(HAIYUAN, caller);
            web.get().uri("/api/v1/policies/" + HAIYUAN + "/versions").header("Authorization", caller.bearer()).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.countyCode").isEqualTo(HAIYUAN);
        }
    }

    @Test
    void anUnknownCountyHasNoPolicy() {
        web.get().uri("/api/v1/policies/649999").header("Authorization", tokens.staff(Role.AUDITOR, "640000").bearer()).exchange()
                .expectStatus().isNotFound();
        put("649999", tokens.staff(Role.SUPERVISOR, "640000"), policy(), "*").expectStatus().isNotFound();
    }

    static Stream<Arguments> changeRefusals() {
        return Stream.of(
                Arguments.of(Role.CITIZEN, null, 403),
                Arguments.of(Role.OPERATOR, HAIYUAN, 403),
                Arguments.of(Role.COORDINATOR, "640522001001", 403),
                Arguments.of(Role.AUDITOR, HAIYUAN, 403),
                Arguments.of(Role.SUPERVISOR, "640521", 403),
                Arguments.of(Role.SUPERVISOR, "640522001", 403));
    }

    @ParameterizedTest(name = "changing Haiyuan's policy as {0} of {1} -> {2}")
    @MethodSource("changeRefusals")
    void onlyASupervisorOfTheCountyChangesItsPolicy(Role role, String region, int status) {
        Caller caller = role == Role.CITIZEN ? tokens.newCitizen() : tokens.staff(role, region);
        int versions = versions(HAIYUAN).size();
        put(HAIYUAN, caller, policy(), "*")
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(versions(HAIYUAN)).hasSize(versions);
    }

    @Test
    void aCountySupervisorDoesNotChangeTheProvinceDefault() {
        put("640000", api.supervisor(HAIYUAN), policy(), "\"640000-1\"")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/outside-region");
        // A province supervisor's change based on a version that is not in force changes nothing either.
        put("640000", api.supervisor("640000"), policy(), "\"640000-999\"").expectStatus().isEqualTo(412);
        assertThat(versions("640000")).hasSize(1);
    }

    @Test
    void policyVersionsCannotBeEditedOrDeletedInTheDatabase() {
        assertThatThrownBy(() -> database.sql("update policy set cap_fen = 1 where county_code = '640000'").fetch().rowsUpdated().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("delete from policy where county_code = '640000'").fetch().rowsUpdated().block())
                .hasMessageContaining("append-only");
    }

    List<JsonNode> versions(String county) {
        JsonNode history = json.readTree(web.get().uri("/api/v1/policies/" + county + "/versions")
                .header("Authorization", tokens.staff(Role.AUDITOR, "640000").bearer()).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        List<JsonNode> versions = new ArrayList<>();
        history.get("versions").forEach(versions::add);
        return versions;
    }
}
