package org.aidline.intake.payment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An instruction a dispatcher holds under a lease: {@code claim} identifies this hold, so an
 * outcome arriving after the lease was re-taken by another dispatcher changes nothing.
 */
public record ClaimedInstruction(PaymentInstruction instruction, UUID claim, PaymentStatus claimedFrom,
        byte @Nullable [] householdKey) {

    /** Whether the gateway already had it before this claim, so its status is asked before anything is sent. */
    public boolean atGateway() {
        return claimedFrom == PaymentStatus.SENT;
    }
}
