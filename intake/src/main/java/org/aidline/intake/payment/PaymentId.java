package org.aidline.intake.payment;

import java.util.UUID;

/** A payment instruction's identifier. */
public record PaymentId(UUID value) {

    public static PaymentId parse(String value) {
        return new PaymentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
