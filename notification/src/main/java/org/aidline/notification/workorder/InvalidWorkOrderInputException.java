package org.aidline.notification.workorder;

/** A value a hand-off cannot take (more working days than are left, an assignee outside the county), naming its field. */
public class InvalidWorkOrderInputException extends RuntimeException {

    private final String field;

    public InvalidWorkOrderInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
