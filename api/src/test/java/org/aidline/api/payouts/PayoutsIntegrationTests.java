package org.aidline.api.payouts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standards, payrolls and campaigns against real PostgreSQL and a bank played by WireMock: each
 * person paid once whatever runs twice or on two instances at once, the ledger equal to the
 * payouts, back-payments for a standard raised from a past month, and the roles refused. The only
 * test context that grants and sends payouts; closed after these tests.
 */
@IntegrationTest
@DirtiesContext
class PayoutsIntegrationTests {

    static final BulkBank bank = new BulkBank();

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(bank))
            .build();

    @DynamicPropertySource
    static void payingThroughWireMock(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    static Map<String, String> settings() {
        return Map.of(
                "aidline.payments.gateway.base-url", gateway.baseUrl(),
                "aidline.registry.payouts.enabled", "true",
                "aidline.registry.payouts.batch-size", "25",
                "aidline.registry.payouts.poll-interval", "200ms",
                "aidline.registry.payouts.lease", "5s",
                "aidline.registry.payouts.retry-base", "100ms",
                "aidline.registry.payouts.retry-max", "1s");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    DatabaseClient database;

    @Autowired
    Environment environment;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void theBankIsOpen() {
        gateway.stubFor(post(urlEqualTo("/disburse/sync/disburse")).willReturn(aResponse().withTransformers(BulkBank.NAME)));
        gateway.stubFor(post(urlEqualTo("/disburse/sync/txn/status")).willReturn(aResponse().withTransformers(BulkBank.NAME)));
    }

    @Test
    void aCampaignRunTwiceAndOnTwoInstancesAtOncePaysEachPersonExactlyOnce() throws Exception {
        // 150 people of 640105, every third also an orphan-allowance child: each is paid once, not per enrolment.
        RegistrySeed.people(database, "campaign-twice", "640105", 150, "MINIMUM_LIVING", 70000, 3);
        String supervisor = tokens.staff(Role.SUPERVISOR, "640105").token();
        JsonNode created = call(HttpMethod.POST, "/api/v1/campaigns", supervisor, Map.of("name", "One-off living subsidy 2026",
                "amountPerPerson", 600, "programmes", List.of("MINIMUM_LIVING", "ORPHAN_ALLOWANCE"), "asOf", "2026-12-01"), 201);
        String id = created.get("id").asString();
        long eligible = scalar("""
                select count(distinct e.member_id) from enrolment e
                where e.county_code = '640105' and e.status = 'ACTIVE' and e.starts_on <= date '2026-12-01'
                  and e.programme in ('MINIMUM_LIVING', 'ORPHAN_ALLOWANCE')""");

        try (SecondInstance other = SecondInstance.sharing(environment, settings().entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue()).toArray(String[]::new))) {
            WebTestClient second = WebTestClient.bindToServer().baseUrl("http://localhost:" + other.port()).responseTimeout(Duration.ofSeconds(30)).build();
            // Both instances run it at the same moment; both grant and send.
            Thread there = new Thread(() -> second.post().uri("/api/v1/campaigns/" + id + "/run").header("Authorization", "Bearer " + supervisor)
                    .exchange().expectStatus().isAccepted());
            there.start();
            call(HttpMethod.POST, "/api/v1/campaigns/" + id + "/run", supervisor, null, 202);
            there.join();
            awaitCompleted("/api/v1/campaigns/" + id, supervisor);
        }
        // And once more, after it completed: it finds nobody left to pay.
        call(HttpMethod.POST, "/api/v1/campaigns/" + id + "/run", supervisor, null, 202);
        JsonNode done = awaitCompleted("/api/v1/campaigns/" + id, supervisor);

        assertThat(done.get("persons").asLong()).isEqualTo(eligible).isGreaterThanOrEqualTo(150);
        assertThat(done.get("amount").decimalValue()).isEqualByComparingTo(String.valueOf(eligible * 600));
        JsonNode county = done.at("/progress/counties/0");
        assertThat(county.get("county").asString()).isEqualTo("640105");
        assertThat(county.get("amount").decimalValue()).isEqualByComparingTo(String.valueOf(county.get("payments").asLong() * 600));
        assertThat(done.at("/progress/bank/paid").asLong()).isEqualTo(eligible);
        assertThat(scalar("select count(*) from payout where run_id = '" + id + "'")).isEqualTo(eligible);
        assertThat(scalar("select count(distinct member_id) from payout where run_id = '" + id + "' and status = 'PAID'")).isEqualTo(eligible);
        assertThat(scalar("select coalesce(sum(amount_fen), 0) from ledger_entry_view where reference = 'campaign:" + id + "'"))
                .as("the ledger equals the grants").isEqualTo(eligible * 60000);
        assertThat(bank.paidTwice()).isEmpty();
        assertThat(bank.largestMessage()).as("many transactions per bank message").isEqualTo(25);
    }

    @Test
    void aStandardRaisedFromAPastMonthIsBackPaidByTheNextPayrollAndAMonthIsPaidOnce() {
        // Xiji (640422): no other test puts registry people there, so the county's figures are this test's alone.
        RegistrySeed.people(database, "standard-raise", "640422", 10, "MINIMUM_LIVING", 65000, 1000);
        String supervisor = tokens.staff(Role.SUPERVISOR, "640422").token();
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        YearMonth first = now.minusMonths(2);
        YearMonth second = now.minusMonths(1);
        // The county's first standard: every amount becomes 700 yuan.
        JsonNode set = call(HttpMethod.PUT, "/api/v1/registry/standards/640422/MINIMUM_LIVING", supervisor,
                Map.of("effectiveFrom", first.atDay(1).toString(), "monthlyAmount", 700), 200);
        assertThat(set.get("enrolmentsRecomputed").asInt()).isEqualTo(10);
        assertThat(set.get("backPayments").asInt()).isZero();

        JsonNode paidFirst = payroll(supervisor, first);
        JsonNode paidSecond = payroll(supervisor, second);
        assertThat(paidFirst.get("payments").asInt()).isEqualTo(10);
        assertThat(paidSecond.get("paymentAmount").decimalValue()).isEqualByComparingTo("7000");
        JsonNode again = payroll(supervisor, second);
        assertThat(again.get("payments").asInt()).as("the same month again pays nobody twice").isZero();

        // Raised to 800 from the first month: both months already paid are owed 100 yuan each.
        JsonNode raised = call(HttpMethod.PUT, "/api/v1/registry/standards/640422/MINIMUM_LIVING", supervisor,
                Map.of("effectiveFrom", first.atDay(15).toString(), "monthlyAmount", 800), 200);
        assertThat(raised.get("previousAmount").decimalValue()).isEqualByComparingTo("700");
        assertThat(raised.get("backPayments").asInt()).isEqualTo(20);
        assertThat(raised.get("backPaymentAmount").decimalValue()).isEqualByComparingTo("2000");

        JsonNode next = payroll(supervisor, now);
        assertThat(next.get("payments").asInt()).isEqualTo(10);
        assertThat(next.get("paymentAmount").decimalValue()).isEqualByComparingTo("8000");
        assertThat(next.get("backPayments").asInt()).as("one line per person").isEqualTo(10);
        assertThat(next.get("backPaymentAmount").decimalValue()).isEqualByComparingTo("2000");
        assertThat(next.get("total").decimalValue()).isEqualByComparingTo("10000");
        assertThat(scalar("select sum(amount_fen) from ledger_entry_view where reference = 'payroll:" + next.get("id").asString() + "'"))
                .isEqualTo(1_000_000L);
        JsonNode later = payroll(supervisor, now.plusMonths(1));
        assertThat(later.get("backPayments").asInt()).as("a back-payment is paid once").isZero();
        assertThat(bank.paidTwice()).isEmpty();
    }

    @Test
    void citizensOperatorsCoordinatorsAndAnotherCountysSupervisorAreRefused() {
        String own = tokens.staff(Role.SUPERVISOR, "640104").token();
        var created = web.post().uri("/api/v1/campaigns").header("Authorization", "Bearer " + own).bodyValue(Map.of("name",
                        "Refusals " + System.nanoTime(), "amountPerPerson", 600, "programmes", List.of("MINIMUM_LIVING"), "asOf", "2099-01-01"))
                .exchange().expectStatus().isCreated().expectBody().returnResult();
        JsonNode campaign = json.readTree(created.getResponseBody());
        // The answer says where the campaign is read.
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/v1/campaigns/" + campaign.get("id").asString());
        call(HttpMethod.POST, "/api/v1/campaigns/" + campaign.get("id").asString() + "/run", own, null, 409);
        JsonNode payroll = call(HttpMethod.POST, "/api/v1/payrolls", own, Map.of("programme", "DISABILITY_SUBSIDY", "month",
                YearMonth.now().toString(), "county", "640104"), 202);
        Map<String, Object> standard = Map.of("effectiveFrom", "2026-01-01", "monthlyAmount", 700);
        Map<String, Object> newPayroll = Map.of("programme", "MINIMUM_LIVING", "month", "2026-11", "county", "640104");
        Map<String, Object> newCampaign = Map.of("name", "x", "amountPerPerson", 1, "programmes", List.of("MINIMUM_LIVING"), "asOf", "2026-01-01");
        String campaignPath = "/api/v1/campaigns/" + campaign.get("id").asString();
        String payrollPath = "/api/v1/payrolls/" + payroll.get("id").asString();
        for (String token : List.of(tokens.newCitizen().token(), tokens.staff(Role.OPERATOR, "640104").token(),
                tokens.staff(Role.COORDINATOR, "640104").token())) {
            call(HttpMethod.PUT, "/api/v1/registry/standards/640104/MINIMUM_LIVING", token, standard, 403);
            call(HttpMethod.GET, "/api/v1/registry/standards/640104", token, null, 403);
            call(HttpMethod.POST, "/api/v1/payrolls", token, newPayroll, 403);
            call(HttpMethod.GET, payrollPath, token, null, 403);
            call(HttpMethod.POST, "/api/v1/campaigns", token, newCampaign, 403);
            call(HttpMethod.POST, campaignPath + "/run", token, null, 403);
            call(HttpMethod.GET, campaignPath, token, null, 403);
        }
        String another = tokens.staff(Role.SUPERVISOR, "640521").token();
        call(HttpMethod.PUT, "/api/v1/registry/standards/640104/MINIMUM_LIVING", another, standard, 403);
        call(HttpMethod.GET, "/api/v1/registry/standards/640104", another, null, 403);
        call(HttpMethod.POST, "/api/v1/payrolls", another, newPayroll, 403);
        call(HttpMethod.GET, payrollPath, another, null, 403);
        call(HttpMethod.POST, campaignPath + "/run", another, null, 403);
        call(HttpMethod.GET, campaignPath, another, null, 403);
        call(HttpMethod.GET, payrollPath, tokens.staff(Role.AUDITOR, "640104").token(), null, 200);
    }

    private JsonNode payroll(String token, YearMonth month) {
        JsonNode created = call(HttpMethod.POST, "/api/v1/payrolls", token,
                Map.of("programme", "MINIMUM_LIVING", "month", month.toString(), "county", "640422"), 202);
        return awaitCompleted("/api/v1/payrolls/" + created.get("id").asString(), token);
    }

    private JsonNode awaitCompleted(String path, String token) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = call(HttpMethod.GET, path, token, null, 200);
            return "COMPLETED".equals(last[0].get("status").asString());
        });
        return last[0];
    }

    private JsonNode call(HttpMethod method, String path, String token, Object body, int status) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(path).header("Authorization", "Bearer " + token);
        WebTestClient.ResponseSpec response = body == null ? request.exchange() : request.bodyValue(body).exchange();
        byte[] answer = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return answer == null || answer.length == 0 ? json.createObjectNode() : json.readTree(answer);
    }

    private long scalar(String sql) {
        return database.sql(sql).map((row, metadata) -> ((Number) row.get(0)).longValue()).one().block();
    }
}
