package org.aidline.notification.platform;

/** Only a dead letter is sent again by hand: this delivery is pending or delivered. */
public class DeliveryNotFailedException extends RuntimeException {

    public DeliveryNotFailedException(DeliveryStatus status) {
        super("The delivery is " + status + ", not FAILED");
    }
}
