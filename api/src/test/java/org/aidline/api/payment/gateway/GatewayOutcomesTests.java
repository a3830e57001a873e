package org.aidline.api.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.aidline.intake.payment.GatewayOutcome.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

class GatewayOutcomesTests {

    static G2p.Reply item(String reference, String status, String reason) {
        return new G2p.Reply(new G2p.ReplyHeader("SUCC", null, null),
                new G2p.ReplyMessage(null, List.of(new G2p.ItemStatus(reference, status, reason, "as the bank says")), null));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "SUCC, , PAID",
            "RCVD, , ACCEPTED",
            "PDNG, , ACCEPTED",
            "RJCT, rjct.reference_id.duplicate, DUPLICATE",
            "RJCT, rjct.payee_fa.invalid, REJECTED",
            "RJCT, rjct.amount.invalid, REJECTED",
            "RJCT, , REJECTED",
            "WHAT, , TRANSIENT"})
    void aDisbursementStatusIsClassifiedByG2pConnectsCodes(String status, String reason, Kind expected) {
        assertThat(GatewayOutcomes.ofStatus(status, reason, null).kind()).isEqualTo(expected);
        assertThat(GatewayOutcomes.ofResponse(200, item("ref-1", status, reason), "ref-1").kind()).isEqualTo(expected);
    }

    @Test
    void aPermanentRefusalKeepsTheGatewaysReasonForTheSupervisor() {
        assertThat(GatewayOutcomes.ofStatus("RJCT", "rjct.payee_fa.invalid", "account closed").detail())
                .isEqualTo("rjct.payee_fa.invalid: account closed");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "408, TRANSIENT", "429, TRANSIENT",
            "401, TRANSIENT", "403, TRANSIENT", "404, TRANSIENT", "409, DUPLICATE", "400, REJECTED", "422, REJECTED"})
    void httpStatusesWithoutAStatusForTheReferenceAreClassified(int status, Kind expected) {
        assertThat(GatewayOutcomes.ofResponse(status, null, "ref-1").kind()).isEqualTo(expected);
    }

    @Test
    void anAnswerAboutAnotherReferenceSaysNothingAboutThisOne() {
        assertThat(GatewayOutcomes.ofResponse(200, item("someone-else", "SUCC", null), "ref-1").kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void aStatusQueryAnswerCarriesTheStatusInsideTheTransactionStatus() {
        G2p.Reply reply = new G2p.Reply(null, new G2p.ReplyMessage(null, null, new G2p.TxnStatusResponse("on-disburse",
                new G2p.ReplyMessage(null, List.of(new G2p.ItemStatus("ref-1", "SUCC", null, null)), null))));
        assertThat(GatewayOutcomes.ofResponse(200, reply, "ref-1").kind()).isEqualTo(Kind.PAID);
    }

    @Test
    void aBareAcknowledgementMeansTheResultComesLater() {
        G2p.Reply ack = new G2p.Reply(null, new G2p.ReplyMessage("ACK", null, null));
        assertThat(GatewayOutcomes.ofResponse(200, ack, "ref-1").kind()).isEqualTo(Kind.ACCEPTED);
    }

    @Test
    void aRefusedMessageEnvelopeIsNotARefusalOfTheInstruction() {
        G2p.Reply refused = new G2p.Reply(new G2p.ReplyHeader("RJCT", "rjct.version.invalid", null), null);
        assertThat(GatewayOutcomes.ofResponse(200, refused, "ref-1").kind()).isEqualTo(Kind.TRANSIENT);
        G2p.Reply duplicate = new G2p.Reply(new G2p.ReplyHeader("RJCT", "rjct.reference_id.duplicate", null), null);
        assertThat(GatewayOutcomes.ofResponse(200, duplicate, "ref-1").kind()).isEqualTo(Kind.DUPLICATE);
    }

    @Test
    void callsWithoutAnAnswerAreTransient() {
        WebClientRequestException reset = new WebClientRequestException(new IOException("Connection reset by peer"),
                HttpMethod.POST, URI.create("http://bank/disburse/sync/disburse"), HttpHeaders.EMPTY);
        WebClientRequestException refused = new WebClientRequestException(new ConnectException("Connection refused"),
                HttpMethod.POST, URI.create("http://bank/disburse/sync/disburse"), HttpHeaders.EMPTY);
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("test"));

        assertThat(GatewayOutcomes.ofFailure(reset)).extracting("kind", "detail").containsExactly(Kind.TRANSIENT, "connection failed: IOException");
        assertThat(GatewayOutcomes.ofFailure(refused).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(GatewayOutcomes.ofFailure(new TimeoutException()).detail()).isEqualTo("timeout");
        assertThat(GatewayOutcomes.ofFailure(new RuntimeException(ReadTimeoutException.INSTANCE)).detail()).isEqualTo("timeout");
        assertThat(GatewayOutcomes.ofFailure(open).detail()).isEqualTo("circuit breaker open");
        assertThat(GatewayOutcomes.ofFailure(new GatewayUnavailableException(503)).detail()).isEqualTo("HTTP 503");
        assertThat(GatewayOutcomes.ofFailure(new IllegalStateException()).kind()).isEqualTo(Kind.TRANSIENT);
    }
}
