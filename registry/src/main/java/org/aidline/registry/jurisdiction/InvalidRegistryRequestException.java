package org.aidline.registry.jurisdiction;

/** A request whose field the registry cannot act on (a month too far ahead, a standard from the future): 400. */
public class InvalidRegistryRequestException extends RuntimeException {

    private final String field;

    public InvalidRegistryRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
