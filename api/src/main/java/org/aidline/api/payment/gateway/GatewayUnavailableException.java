package org.aidline.api.payment.gateway;

/** The gateway answered that it cannot serve now (5xx, 408, 429): counted by the circuit breaker. */
class GatewayUnavailableException extends RuntimeException {

    private final int status;

    GatewayUnavailableException(int status) {
        super("The payment gateway answered HTTP " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
