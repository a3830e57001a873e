package org.aidline.intake.referral;

/** The referral or its report is not where this action can be taken. */
public class ReferralConflictException extends RuntimeException {

    public ReferralConflictException(String message) {
        super(message);
    }
}
