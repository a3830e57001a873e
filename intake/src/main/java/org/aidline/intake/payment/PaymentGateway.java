package org.aidline.intake.payment;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bank payment gateway. Implementations never signal errors: every failure is an outcome
 * (transient when nothing is known), so the dispatcher decides in one place what happens next.
 */
public interface PaymentGateway {

    Mono<GatewayOutcome> disburse(Disbursement disbursement);

    /** How the disbursement with this reference went, as far as the gateway knows. */
    Mono<GatewayOutcome> status(String referenceId);

    /**
     * Many disbursements in one message (G2P Connect's disburse request carries a list): the
     * outcome of each, in the order given. This default sends them one by one.
     */
    default Mono<List<GatewayOutcome>> disburseAll(List<Disbursement> disbursements) {
        return Flux.fromIterable(disbursements).concatMap(this::disburse).collectList();
    }

    /** How each of these references went, in the order given, in one query where the gateway can. */
    default Mono<List<GatewayOutcome>> statusAll(List<String> referenceIds) {
        return Flux.fromIterable(referenceIds).concatMap(this::status).collectList();
    }
}
