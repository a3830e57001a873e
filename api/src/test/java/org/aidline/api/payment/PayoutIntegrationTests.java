package org.aidline.api.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Paying out against a bank gateway played by WireMock: fast, exactly once through faults and
 * restarts, refusals left to the supervisor, and results by callback. The only test context
 * that dispatches; closed after these tests so that its dispatcher does not outlive WireMock.
 */
@IntegrationTest
@Import(PayoutFixture.class)
@DirtiesContext
class PayoutIntegrationTests {

    static final FakeBank bank = new FakeBank();

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(bank))
            .build();

    @DynamicPropertySource
    static void payingThroughWireMock(DynamicPropertyRegistry registry) {
        gatewaySettings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Short timeouts, backoff and lease, so that faults and restarts play out in seconds. */
    static Map<String, String> gatewaySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("aidline.payments.enabled", "true");
        settings.put("aidline.payments.gateway.base-url", gateway.baseUrl());
        settings.put("aidline.payments.gateway.connect-timeout", "500ms");
        settings.put("aidline.payments.gateway.response-timeout", "1s");
        settings.put("aidline.payments.gateway.breaker.minimum-calls", "6");
        settings.put("aidline.payments.gateway.breaker.sliding-window", "10");
        settings.put("aidline.payments.gateway.breaker.open-for", "500ms");
        settings.put("aidline.payments.lease", "4s");
        settings.put("aidline.payments.retry.base", "100ms");
        settings.put("aidline.payments.retry.max", "1s");
        settings.put("aidline.payments.poll-interval", "300ms");
        settings.put("aidline.payments.result-check", "1s");
        return settings;
    }

    @Autowired
    PayoutFixture payouts;

    @Autowired
    Tokens tokens;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @BeforeEach
    void theBankIsOpen() {
        // Below every fault stub: whatever no fault claims reaches the bank itself.
        gateway.stubFor(post(urlEqualTo("/disburse/sync/disburse")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeBank.NAME)));
        gateway.stubFor(post(urlEqualTo("/disburse/sync/txn/status")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeBank.NAME)));
    }

    @Test
    void anUrgentMedicalEmergencyReachesTheGatewayWithinTwoSecondsOfItsAnswer() {
        Map<String, Object> body = SampleReports.selfReport();
        String payee = payouts.payeeOf(body);

        PayoutFixture.Filed filed = payouts.file(tokens.newCitizen(), body);

        await().atMost(Duration.ofSeconds(2)).until(() -> bank.firstSeen(payee) != null);
        payouts.awaitPaid(filed);
        FakeBank.Disbursed disbursed = bank.disbursed(filed.reference());
        assertThat(disbursed.payee()).isEqualTo(payee).startsWith("token:").endsWith("@aidline");
        assertThat(disbursed.amount()).isEqualTo("2400.00");
        assertThat(disbursed.currency()).isEqualTo("CNY");
        assertThat(disbursed.paid()).hasValue(1);
        assertThat(payouts.ledgered(filed, "PAYMENT")).containsExactly(240000L);
        assertThat(payouts.ledgeredBy(filed, "PAYMENT")).as("paid by the dispatcher, in the background").containsExactly("system");
        assertThat(payouts.history(filed)).contains("PAID");
        List<LoggedRequest> requests = sentFor(payee);
        assertThat(requests.get(0).getBodyAsString())
                .contains("\"action\":\"disburse\"", "\"payer_fa\":\"treasury-640104@aidline\"", "\"message_id\"");
    }

    @Test
    void faultsAtTheGatewayLoseNoGrantAndPayEachOnceWhenItRecovers() {
        Map<String, ResponseDefinitionBuilder> firstAnswers = new LinkedHashMap<>();
        firstAnswers.put("HTTP 500", aResponse().withStatus(500));
        firstAnswers.put("no answer before the timeout", aResponse().withStatus(200).withFixedDelay(1500).withBody("{}"));
        firstAnswers.put("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        // The bank takes it but the answer comes too late: the resend is refused as a duplicate and its status asked.
        firstAnswers.put("paid, answered too late", aResponse().withTransformers(FakeBank.NAME).withFixedDelay(1500));
        firstAnswers.put("paid, answered too late, status query fails once",
                aResponse().withTransformers(FakeBank.NAME).withFixedDelay(1500));
        List<PayoutFixture.Filed> filed = new ArrayList<>();
        List<String> payees = new ArrayList<>();
        firstAnswers.forEach((fault, answer) -> {
            Map<String, Object> body = SampleReports.selfReport();
            String payee = payouts.payeeOf(body);
            payees.add(payee);
            gateway.stubFor(toPayee(payee).atPriority(1)
                    .inScenario(fault + " " + payee).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(answer).willSetStateTo("recovered"));
            if (fault.contains("status query fails")) {
                bank.failFirstStatusQuery(payee);
            }
            filed.add(payouts.file(tokens.newCitizen(), body));
        });

        filed.forEach(payouts::awaitPaid);

        for (int i = 0; i < filed.size(); i++) {
            PayoutFixture.Filed grant = filed.get(i);
            assertThat(payouts.ledgered(grant, "PAYMENT")).as("PAYMENT entries of grant %d", i).containsExactly(240000L);
            assertThat(bank.disbursed(grant.reference()).paid()).as("payments by the bank of grant %d", i).hasValue(1);
            assertThat(sentFor(payees.get(i))).as("disburse requests of grant %d", i).hasSizeGreaterThanOrEqualTo(2);
            assertThat(payouts.attempts(grant)).as("failed attempts of grant %d", i).isGreaterThanOrEqualTo(1);
        }
        assertThat(bank.paidTwice()).isEmpty();
    }

    @Test
    void theCircuitBreakerOpensWhileTheGatewayIsDownAndEveryGrantIsPaidOnceItIsBack() {
        List<PayoutFixture.Filed> filed = new ArrayList<>();
        List<StubMapping> outage = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = SampleReports.selfReport();
            outage.add(gateway.stubFor(toPayee(payouts.payeeOf(body)).atPriority(1).willReturn(aResponse().withStatus(503))));
            filed.add(payouts.file(tokens.newCitizen(), body));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> filed.stream().anyMatch(grant ->
                "circuit breaker open".equals(payouts.lastError(grant))));
        outage.forEach(gateway::removeStub);

        filed.forEach(payouts::awaitPaid);
        filed.forEach(grant -> assertThat(payouts.ledgered(grant, "PAYMENT")).containsExactly(240000L));
        assertThat(bank.paidTwice()).isEmpty();
    }

    @Test
    void retriesSurviveARestartAndEveryGrantIsPaidOnce() {
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<StubMapping> outage = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = SampleReports.selfReport();
            bodies.add(body);
            outage.add(gateway.stubFor(toPayee(payouts.payeeOf(body)).atPriority(1).willReturn(aResponse().withStatus(503))));
        }
        String[] settings = gatewaySettings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        List<PayoutFixture.Filed> filed = new ArrayList<>();
        try (SecondInstance first = SecondInstance.sharing(environment, settings)) {
            for (Map<String, Object> body : bodies) {
                filed.add(payouts.file(first.port(), tokens.newCitizen(), body));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> filed.stream().allMatch(grant -> payouts.attempts(grant) >= 1));
        }
        filed.forEach(grant -> assertThat(payouts.status(grant)).isIn("PENDING", "SENDING"));

        try (SecondInstance fresh = SecondInstance.sharing(environment, settings)) {
            outage.forEach(gateway::removeStub);
            filed.forEach(payouts::awaitPaid);
        }
        filed.forEach(grant -> assertThat(payouts.ledgered(grant, "PAYMENT")).containsExactly(240000L));
        filed.forEach(grant -> assertThat(bank.disbursed(grant.reference()).paid()).hasValue(1));
    }

    @Test
    void aRefusedPaymentWaitsForTheSupervisorWhoSendsItAgain() {
        Map<String, Object> body = SampleReports.selfReport();
        String payee = payouts.payeeOf(body);
        bank.behave(payee, FakeBank.Behaviour.REJECT_PAYEE);
        PayoutFixture.Filed filed = payouts.file(tokens.newCitizen(), body);

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(payouts.status(filed)));
        assertThat(payouts.lastError(filed)).contains("rjct.payee_fa.invalid");
        assertThat(payouts.history(filed)).contains("PAYMENT_FAILED").doesNotContain("PAID");
        assertThat(payouts.ledgered(filed, "PAYMENT")).isEmpty();
        Tokens.Caller supervisor = tokens.staff(Role.SUPERVISOR, "640104");
        assertThat(payouts.failedSeenBy(supervisor)).contains(filed.reference());
        assertThat(payouts.failedSeenBy(tokens.staff(Role.SUPERVISOR, "640202"))).doesNotContain(filed.reference());
        assertThat(payouts.failedSeenBy(tokens.staff(Role.AUDITOR, "640000"))).contains(filed.reference());

        bank.behave(payee, FakeBank.Behaviour.PAY);
        JsonNode retried = payouts.retry(supervisor, filed).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(retried.get("referenceId").asString()).isEqualTo(filed.reference());
        assertThat(retried.get("status").asString()).isNotEqualTo("FAILED");
        assertThat(retried.get("attempts").asInt()).isZero();

        payouts.awaitPaid(filed);
        assertThat(payouts.ledgered(filed, "PAYMENT")).containsExactly(240000L);
        assertThat(payouts.history(filed)).containsSubsequence("PAYMENT_FAILED", "PAYMENT_RETRIED", "PAID");
        payouts.retry(supervisor, filed).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payment-not-failed");
    }

    @Test
    void aPendingDisbursementIsPaidByTheGatewaysCallbackAndOnlyOnce() {
        Map<String, Object> body = SampleReports.selfReport();
        String payee = payouts.payeeOf(body);
        bank.behave(payee, FakeBank.Behaviour.PEND);
        PayoutFixture.Filed filed = payouts.file(tokens.newCitizen(), body);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(payouts.status(filed)));

        payouts.callback(filed.reference(), "SUCC", null).expectStatus().isOk()
                .expectBody().jsonPath("$.message.ack_status").isEqualTo("ACK").jsonPath("$.message.settled").isEqualTo(1);
        bank.settle(filed.reference());

        assertThat(payouts.status(filed)).isEqualTo("PAID");
        payouts.callback(filed.reference(), "SUCC", null).expectStatus().isOk()
                .expectBody().jsonPath("$.message.settled").isEqualTo(0);
        assertThat(payouts.ledgered(filed, "PAYMENT")).containsExactly(240000L);
        assertThat(payouts.ledgeredBy(filed, "PAYMENT")).as("paid on the gateway's word").containsExactly("bank-gateway");
        assertThat(bank.disbursed(filed.reference()).paid()).hasValue(1);
    }

    /**
     * Figures, not a timed assertion: grant latency (the 201 reaching the client, to the disburse
     * request reaching the gateway) over many reports, and how many instructions per second this
     * instance dispatches from a backlog. -Daidline.bench.reports=1000 for the full run.
     */
    @Test
    void benchGrantLatencyAndDispatchThroughput() {
        int reports = Integer.getInteger("aidline.bench.reports", 100);
        Tokens.Caller citizen = tokens.newCitizen();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        List<PayoutFixture.Filed> filed = Flux.range(0, reports)
                .flatMap(i -> {
                    Map<String, Object> body = SampleReports.selfReport();
                    String payee = payouts.payeeOf(body);
                    return Mono.fromCallable(() -> payouts.file(port, citizen, body))
                            .subscribeOn(Schedulers.boundedElastic())
                            .doOnNext(done -> answeredAt.put(payee, System.nanoTime()));
                }, 8)
                .collectList().block(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> answeredAt.keySet().stream().allMatch(payee -> bank.firstSeen(payee) != null));
        long[] latencies = answeredAt.entrySet().stream()
                .mapToLong(entry -> bank.firstSeen(entry.getKey()) - entry.getValue()).sorted().toArray();
        filed.forEach(payouts::awaitPaid);

        List<UUID> backlog = payouts.backlog(filed, 100);
        long released = System.nanoTime();
        payouts.release(backlog);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> payouts.paidOf(backlog) == backlog.size());
        double seconds = (System.nanoTime() - released) / 1e9;

        System.out.printf("PAYOUT BENCH: %d reports; 201 -> request at the gateway: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                        + "(negative: the gateway had it before the client had its 201)%n",
                latencies.length, percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);
        System.out.printf("PAYOUT BENCH: backlog of %d instructions paid in %.2f s: %.0f instructions/s on one instance%n",
                backlog.size(), seconds, backlog.size() / seconds);
        assertThat(latencies).hasSize(reports);
        filed.forEach(grant -> assertThat(payouts.ledgered(grant, "PAYMENT")).containsExactly(240000L, 100L));
        assertThat(bank.paidTwice()).isEmpty();
    }

    static double percentile(long[] sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    static MappingBuilder toPayee(String payee) {
        return post(urlEqualTo("/disburse/sync/disburse"))
                .withRequestBody(matchingJsonPath("$.message.disbursements[0].payee_fa", equalTo(payee)));
    }

    static List<LoggedRequest> sentFor(String payee) {
        return gateway.findAll(postRequestedFor(urlEqualTo("/disburse/sync/disburse"))
                .withRequestBody(matchingJsonPath("$.message.disbursements[0].payee_fa", equalTo(payee))));
    }
}
