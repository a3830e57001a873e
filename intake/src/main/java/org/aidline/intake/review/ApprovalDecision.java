package org.aidline.intake.review;

/** The county supervisor's word on the part of a request above the cap: pay it, or not, and why. */
public record ApprovalDecision(boolean approve, String reason) {

    public ApprovalDecision {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("An approval or refusal gives its reason");
        }
        reason = reason.strip();
    }
}
