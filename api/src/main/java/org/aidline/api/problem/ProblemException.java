package org.aidline.api.problem;

import java.util.Map;

/** A problem the web layer decided on, with the detail and extra members to show the client. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    /** A 400 naming the one field that is wrong, as bean validation names them. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields of the request are missing or invalid; see errors.",
                Map.of("errors", java.util.List.of(new FieldError(field, message))));
    }

    /** A 404 that does not tell a resource that does not exist from one the caller may not see. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " with this id, or you may not see it.");
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
