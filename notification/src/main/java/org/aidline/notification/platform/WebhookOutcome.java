package org.aidline.notification.platform;

/** What the platform's webhook answered: took it, refused it for good, or try again later. */
public record WebhookOutcome(Kind kind, String detail) {

    public enum Kind {
        DELIVERED,
        REFUSED,
        RETRY
    }

    public static WebhookOutcome delivered(String detail) {
        return new WebhookOutcome(Kind.DELIVERED, detail);
    }

    public static WebhookOutcome refused(String detail) {
        return new WebhookOutcome(Kind.REFUSED, detail);
    }

    public static WebhookOutcome retry(String detail) {
        return new WebhookOutcome(Kind.RETRY, detail);
    }
}
