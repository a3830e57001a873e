package org.aidline.api.monitoring.web;

import java.util.List;
import java.util.Map;
import org.aidline.api.problem.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * A row as read from the body, before validation: its 1-based number, the text of each field
 * that is present, and what was wrong with its shape (a JSON element that is no object, a CSV
 * line with the wrong number of fields).
 */
record RawFlag(long row, Map<String, String> fields, List<FieldError> errors) {

    RawFlag {
        fields = Map.copyOf(fields);
        errors = List.copyOf(errors);
    }

    static RawFlag broken(long row, String message) {
        return new RawFlag(row, Map.of(), List.of(new FieldError(FlagRows.ROW, message)));
    }

    @Nullable String text(String field) {
        return fields.get(field);
    }
}
