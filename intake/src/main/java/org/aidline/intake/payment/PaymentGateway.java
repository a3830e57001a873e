package org.aidline.intake.payment;

import reactor.core.publisher.Mono;

/**
 * The bank payment gateway. Implementations never signal errors: every failure is an outcome
 * (transient when nothing is known), so the dispatcher decides in one place what happens next.
 */
public interface PaymentGateway {

    Mono<GatewayOutcome> disburse(Disbursement disbursement);

    /** How the disbursement with this reference went, as far as the gateway knows. */
    Mono<GatewayOutcome> status(String referenceId);
}
