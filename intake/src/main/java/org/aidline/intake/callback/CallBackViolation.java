package org.aidline.intake.callback;

/** A field of a call-back answer and what is wrong with it. */
public record CallBackViolation(String field, String message) {
}
