package org.aidline.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The payment endpoints on an instance that does not dispatch: the gateway's callback settles
 * instructions, supervisors see and retry those of their county, and every other role is refused.
 */
@IntegrationTest
@Import(PayoutFixture.class)
class PaymentDeskIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    PayoutFixture payouts;

    PayoutFixture.Filed refused;

    @BeforeEach
    void aPaymentInXingqingRefusedByTheGateway() {
        refused = payouts.file(tokens.newCitizen(), SampleReports.selfReport());
        payouts.callback(refused.reference(), "RJCT", "rjct.payee_fa.invalid").expectStatus().isOk()
                .expectBody().jsonPath("$.message.settled").isEqualTo(1);
    }

    @Test
    void aRefusalByCallbackFailsTheInstructionForTheSupervisor() {
        assertThat(payouts.status(refused)).isEqualTo("FAILED");
        assertThat(payouts.lastError(refused)).isEqualTo("rjct.payee_fa.invalid");
        assertThat(payouts.history(refused)).endsWith("PAYMENT_FAILED");
        assertThat(payouts.failedSeenBy(tokens.staff(Role.SUPERVISOR, "640104"))).contains(refused.reference());
        assertThat(payouts.failedSeenBy(tokens.staff(Role.SUPERVISOR, "640100"))).contains(refused.reference());
        assertThat(payouts.failedSeenBy(tokens.staff(Role.SUPERVISOR, "640202"))).doesNotContain(refused.reference());
        assertThat(payouts.failedSeenBy(tokens.staff(Role.AUDITOR, "640200"))).doesNotContain(refused.reference());
    }

    @Test
    void theSupervisorOfTheCountyRetriesARefusedInstruction() {
        Tokens.Caller supervisor = tokens.staff(Role.SUPERVISOR, "640104");
        payouts.retry(supervisor, refused).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.amount").isEqualTo(2400.00)
                .jsonPath("$.kind").isEqualTo("PAYMENT")
                .jsonPath("$.countyCode").isEqualTo("640104");
        assertThat(payouts.history(refused)).endsWith("PAYMENT_FAILED", "PAYMENT_RETRIED");
        assertThat(payouts.failedSeenBy(supervisor)).doesNotContain(refused.reference());
        payouts.retry(supervisor, refused).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payment-not-failed");
    }

    @Test
    void aPaidCallbackLedgersThePaymentOnceHoweverOftenItComes() {
        PayoutFixture.Filed pending = payouts.file(tokens.newCitizen(), SampleReports.selfReport());
        payouts.callback(pending.reference(), "PDNG", null).expectStatus().isOk().expectBody().jsonPath("$.message.settled").isEqualTo(0);
        assertThat(payouts.status(pending)).isEqualTo("PENDING");

        payouts.callback(pending.reference(), "SUCC", null).expectStatus().isOk().expectBody().jsonPath("$.message.settled").isEqualTo(1);
        payouts.callback(pending.reference(), "SUCC", null).expectStatus().isOk().expectBody().jsonPath("$.message.settled").isEqualTo(0);
        payouts.callback(pending.reference(), "RJCT", "rjct.amount.invalid").expectStatus().isOk()
                .expectBody().jsonPath("$.message.settled").isEqualTo(0);

        assertThat(payouts.status(pending)).isEqualTo("PAID");
        assertThat(payouts.ledgered(pending, "PAYMENT")).containsExactly(240000L);
        assertThat(payouts.history(pending)).endsWith("GRANTED", "PAID");
    }

    @Test
    void aCallbackAboutAnUnknownReferenceIsAcknowledgedAndChangesNothing() {
        payouts.callback("no-such-reference", "SUCC", null).expectStatus().isOk()
                .expectBody().jsonPath("$.message.ack_status").isEqualTo("ACK").jsonPath("$.message.settled").isEqualTo(0);
    }

    @Test
    void aCallbackThatIsNotOnDisburseIsRefused() {
        String gatewayToken = tokens.issue("bank-gateway", List.of(Role.PAYMENT_GATEWAY), null);
        Map<String, Object> body = Map.of(
                "header", Map.of("message_id", "m-1", "action", "on-search"),
                "message", Map.of("disbursements_status", List.of(Map.of("reference_id", refused.reference(), "status", "PAID"))));
        web.post().uri("/api/v1/payments/callback").header("Authorization", "Bearer " + gatewayToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/validation");
        assertThat(payouts.status(refused)).isEqualTo("FAILED");
    }

    @Test
    void anUnknownStatusFilterIsABadParameter() {
        web.get().uri("/api/v1/payments?status=LOST").header("Authorization", tokens.staff(Role.SUPERVISOR, "640104").bearer())
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** endpoint, the role refused, its region (null for citizens and the gateway), the expected status. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("GET /api/v1/payments?status=FAILED", Role.CITIZEN, null, 403),
                Arguments.of("GET /api/v1/payments?status=FAILED", Role.OPERATOR, "640104", 403),
                Arguments.of("GET /api/v1/payments?status=FAILED", Role.COORDINATOR, "640104001001", 403),
                Arguments.of("GET /api/v1/payments?status=FAILED", Role.PAYMENT_GATEWAY, null, 403),
                Arguments.of("POST /api/v1/payments/{id}/retry", Role.CITIZEN, null, 403),
                Arguments.of("POST /api/v1/payments/{id}/retry", Role.OPERATOR, "640104", 403),
                Arguments.of("POST /api/v1/payments/{id}/retry", Role.COORDINATOR, "640104001001", 403),
                Arguments.of("POST /api/v1/payments/{id}/retry", Role.AUDITOR, "640000", 403),
                Arguments.of("POST /api/v1/payments/{id}/retry", Role.PAYMENT_GATEWAY, null, 403),
                Arguments.of("POST /api/v1/payments/{id}/retry", Role.SUPERVISOR, "640202", 404),
                Arguments.of("POST /api/v1/payments/callback", Role.CITIZEN, null, 403),
                Arguments.of("POST /api/v1/payments/callback", Role.OPERATOR, "640104", 403),
                Arguments.of("POST /api/v1/payments/callback", Role.COORDINATOR, "640104001001", 403),
                Arguments.of("POST /api/v1/payments/callback", Role.SUPERVISOR, "640104", 403),
                Arguments.of("POST /api/v1/payments/callback", Role.AUDITOR, "640000", 403));
    }

    @ParameterizedTest(name = "{0} as {1} of {2} -> {3}")
    @MethodSource("refusals")
    void refused(String endpoint, Role role, String region, int status) {
        String token = region == null
                ? tokens.issue(role.name().toLowerCase() + "-x", List.of(role), null)
                : tokens.staff(role, region).token();
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{id}", payouts.paymentId(refused).toString());
        WebTestClient.RequestBodySpec request = web.method(HttpMethod.valueOf(parts[0])).uri(path)
                .header("Authorization", "Bearer " + token);
        WebTestClient.ResponseSpec response = parts[0].equals("POST") && path.endsWith("callback")
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                        "header", Map.of("message_id", "m-1", "action", "on-disburse"),
                        "message", Map.of("disbursements_status", List.of(Map.of("reference_id", refused.reference(), "status", "SUCC")))))
                        .exchange()
                : request.exchange();
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(payouts.status(refused)).isEqualTo("FAILED");
    }

    @Test
    void withoutATokenTheCallbackIsUnauthenticated() {
        web.post().uri("/api/v1/payments/callback").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
