package org.aidline.api.problem;

/** One invalid field of a request, named by its JSON path such as {@code subject.idNumber}. */
public record FieldError(String field, String message) {
}
