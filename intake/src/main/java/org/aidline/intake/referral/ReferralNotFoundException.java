package org.aidline.intake.referral;

/** No such referral (or report, or partner), or the actor may not see it. */
public class ReferralNotFoundException extends RuntimeException {

    public ReferralNotFoundException(String message) {
        super(message);
    }
}
