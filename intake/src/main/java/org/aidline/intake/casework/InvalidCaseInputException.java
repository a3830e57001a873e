package org.aidline.intake.casework;

/** A value the case cannot take (a notice posted in the future, ...), naming the field it came in. */
public class InvalidCaseInputException extends RuntimeException {

    private final String field;

    public InvalidCaseInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
