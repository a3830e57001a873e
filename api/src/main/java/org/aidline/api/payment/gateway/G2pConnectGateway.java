package org.aidline.api.payment.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.aidline.intake.payment.Disbursement;
import org.aidline.intake.payment.GatewayOutcome;
import org.aidline.intake.payment.PaymentGateway;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The bank payment gateway over G2P Connect's synchronous disbursement API: {@code POST
 * /disburse/sync/disburse} with one disbursement per instruction, and {@code POST
 * /disburse/sync/txn/status} to ask how a reference went. Calls are bounded by timeouts and a
 * circuit breaker; every failure comes back as an outcome. The registry's payrolls and campaigns
 * send many disbursements per message ({@link #disburseAll}) and ask about many references at once.
 */
public class G2pConnectGateway implements PaymentGateway {

    static final String DISBURSE = "/disburse/sync/disburse";
    static final String STATUS = "/disburse/sync/txn/status";

    private final WebClient client;
    private final CircuitBreaker breaker;
    private final String senderId;
    private final String receiverId;
    private final Duration callTimeout;
    private final Clock clock;

    public G2pConnectGateway(WebClient client, CircuitBreaker breaker, String senderId, String receiverId, Duration callTimeout,
            Clock clock) {
        this.client = client;
        this.breaker = breaker;
        this.senderId = senderId;
        this.receiverId = receiverId;
        this.callTimeout = callTimeout;
        this.clock = clock;
    }

    @Override
    public Mono<GatewayOutcome> disburse(Disbursement disbursement) {
        G2p.DisburseRequest message = new G2p.DisburseRequest(UUID.randomUUID().toString(), List.of(item(disbursement)));
        return call(DISBURSE, new G2p.Envelope<>(header("disburse", 1), message), disbursement.referenceId());
    }

    /** One message for the whole batch; the answer's {@code disbursements_status} says how each went. */
    @Override
    public Mono<List<GatewayOutcome>> disburseAll(List<Disbursement> disbursements) {
        if (disbursements.isEmpty()) {
            return Mono.just(List.of());
        }
        G2p.DisburseRequest message = new G2p.DisburseRequest(UUID.randomUUID().toString(),
                disbursements.stream().map(G2pConnectGateway::item).toList());
        return callAll(DISBURSE, new G2p.Envelope<>(header("disburse", disbursements.size()), message),
                disbursements.stream().map(Disbursement::referenceId).toList());
    }

    @Override
    public Mono<List<GatewayOutcome>> statusAll(List<String> referenceIds) {
        if (referenceIds.isEmpty()) {
            return Mono.just(List.of());
        }
        G2p.TxnStatusRequest message = new G2p.TxnStatusRequest(UUID.randomUUID().toString(),
                new G2p.TxnStatusQuery(UUID.randomUUID().toString(), "disburse", "reference_id_list", referenceIds));
        return callAll(STATUS, new G2p.Envelope<>(header("search", 1), message), referenceIds);
    }

    private static G2p.DisbursementItem item(Disbursement disbursement) {
        return new G2p.DisbursementItem(
                disbursement.referenceId(),
                disbursement.payerAddress(),
                disbursement.payeeAddress(),
                // Yuan with two decimals, straight from fen: never through a double.
                disbursement.amount().yuan().toPlainString(),
                G2p.CURRENCY,
                disbursement.note(),
                disbursement.purpose());
    }

    @Override
    public Mono<GatewayOutcome> status(String referenceId) {
        G2p.TxnStatusRequest message = new G2p.TxnStatusRequest(UUID.randomUUID().toString(),
                new G2p.TxnStatusQuery(UUID.randomUUID().toString(), "disburse", "reference_id_list", List.of(referenceId)));
        return call(STATUS, new G2p.Envelope<>(header("search", 1), message), referenceId);
    }

    private G2p.Header header(String action, int totalCount) {
        return new G2p.Header(G2p.VERSION, UUID.randomUUID().toString(), clock.instant(), action, senderId, receiverId, totalCount);
    }

    private Mono<GatewayOutcome> call(String path, Object body, String referenceId) {
        return callAll(path, body, List.of(referenceId)).map(outcomes -> outcomes.get(0));
    }

    /** The outcome of each reference in one answer; a call without a usable answer is that failure for each. */
    private Mono<List<GatewayOutcome>> callAll(String path, Object body, List<String> referenceIds) {
        return client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (GatewayOutcomes.isUnavailable(status)) {
                        // An error inside the breaker: it counts towards opening it.
                        return response.releaseBody().then(Mono.error(new GatewayUnavailableException(status)));
                    }
                    return response.bodyToMono(G2p.Reply.class)
                            .map(reply -> GatewayOutcomes.ofResponses(status, reply, referenceIds))
                            .switchIfEmpty(Mono.fromSupplier(() -> GatewayOutcomes.ofResponses(status, null, referenceIds)));
                })
                // The connection's own timeouts apply per read; this bounds the whole exchange.
                .timeout(callTimeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorResume(failure -> Mono.just(java.util.Collections.nCopies(referenceIds.size(), GatewayOutcomes.ofFailure(failure))));
    }
}
