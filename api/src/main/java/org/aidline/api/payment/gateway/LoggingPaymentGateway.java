package org.aidline.api.payment.gateway;

import org.aidline.intake.payment.Disbursement;
import org.aidline.intake.payment.GatewayOutcome;
import org.aidline.intake.payment.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The embedded default's gateway: logs each disbursement (reference, kind, amount and paying
 * account; nothing about the household) and reports it paid. Never used in the prod profile.
 */
public class LoggingPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingPaymentGateway.class);

    @Override
    public Mono<GatewayOutcome> disburse(Disbursement disbursement) {
        log.info("Disbursement {} ({}) of {} CNY from {}: no gateway configured, reported paid",
                disbursement.referenceId(), disbursement.purpose(), disbursement.amount().yuan().toPlainString(),
                disbursement.payerAddress());
        return Mono.just(GatewayOutcome.paid());
    }

    @Override
    public Mono<GatewayOutcome> status(String referenceId) {
        return Mono.just(GatewayOutcome.paid());
    }
}
