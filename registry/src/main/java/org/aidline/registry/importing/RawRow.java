package org.aidline.registry.importing;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A row as read from the body, before it is checked: its number, the text of each field present,
 * and what was wrong with its shape (a line that is not CSV, a JSON line that is no object).
 */
public record RawRow(long row, Map<String, String> fields, List<RowError> errors) {

    public RawRow {
        fields = Map.copyOf(fields);
        errors = List.copyOf(errors);
    }

    public static RawRow broken(long row, String message) {
        return new RawRow(row, Map.of(), List.of(new RowError(row, RowError.ROW, message)));
    }

    @Nullable String text(String field) {
        String text = fields.get(field);
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
