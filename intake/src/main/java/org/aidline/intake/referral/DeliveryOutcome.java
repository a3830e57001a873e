package org.aidline.intake.referral;

/** What a partner's webhook answered: took it, refused it for good, or try again later. */
public record DeliveryOutcome(Kind kind, String detail) {

    public enum Kind {
        DELIVERED,
        REFUSED,
        RETRY
    }

    public static DeliveryOutcome delivered() {
        return new DeliveryOutcome(Kind.DELIVERED, "");
    }

    public static DeliveryOutcome refused(String detail) {
        return new DeliveryOutcome(Kind.REFUSED, detail);
    }

    public static DeliveryOutcome retry(String detail) {
        return new DeliveryOutcome(Kind.RETRY, detail);
    }
}
