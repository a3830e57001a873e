package org.aidline.intake.policy;

/** One broken rule of a proposed policy, named by the field of the policy it concerns. */
public record Violation(String field, String message) {
}
