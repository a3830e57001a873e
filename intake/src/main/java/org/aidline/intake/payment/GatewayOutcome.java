package org.aidline.intake.payment;

/** What one call to the payment gateway came to, once classified. */
public record GatewayOutcome(Kind kind, String detail) {

    /** The classes of outcome, each handled its own way by the dispatcher. */
    public enum Kind {
        /** The money moved. */
        PAID,
        /** The gateway has the disbursement and will tell the result later. */
        ACCEPTED,
        /** A business refusal that no retry will change (invalid payee, amount, ...). */
        REJECTED,
        /** The gateway already has this reference: ask it how that one went. */
        DUPLICATE,
        /** Nothing is known (5xx, timeout, connection reset, breaker open): try again later. */
        TRANSIENT
    }

    public static GatewayOutcome paid() {
        return new GatewayOutcome(Kind.PAID, "paid");
    }

    public static GatewayOutcome accepted(String detail) {
        return new GatewayOutcome(Kind.ACCEPTED, detail);
    }

    public static GatewayOutcome rejected(String detail) {
        return new GatewayOutcome(Kind.REJECTED, detail);
    }

    public static GatewayOutcome duplicate() {
        return new GatewayOutcome(Kind.DUPLICATE, "duplicate reference");
    }

    public static GatewayOutcome transientFailure(String detail) {
        return new GatewayOutcome(Kind.TRANSIENT, detail);
    }
}
