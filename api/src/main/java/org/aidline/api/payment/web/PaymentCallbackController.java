package org.aidline.api.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.aidline.api.payment.gateway.GatewayOutcomes;
import org.aidline.intake.payment.PaymentDesk;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The gateway's on-disburse callback: results of disbursements it accepted without answering at once. */
@RestController
@Tag(name = "Payments")
public class PaymentCallbackController {

    private final PaymentDesk desk;
    private final Clock clock;

    PaymentCallbackController(PaymentDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/payments/callback", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "receivePaymentCallback", summary = "Disbursement results from the bank payment gateway (G2P Connect on-disburse; role PAYMENT_GATEWAY)",
            description = "SUCC marks the instruction paid and ledgers it once; RJCT marks it failed for a supervisor; "
                    + "RCVD and PDNG change nothing. Results about settled or unknown references are acknowledged and ignored, "
                    + "so the gateway may repeat a callback safely.")
    Mono<CallbackAck> onDisburse(@Valid @RequestBody DisburseCallback callback) {
        return Flux.fromIterable(callback.message().disbursementsStatus())
                .concatMap(result -> desk.settle(result.referenceId(),
                        GatewayOutcomes.ofStatus(result.status(), result.statusReasonCode(), result.statusReasonMessage())))
                .filter(changed -> changed)
                .count()
                .map(settled -> new CallbackAck(new CallbackAck.Ack("ACK", clock.instant(), callback.header().messageId(),
                        settled.intValue())));
    }
}
