package org.aidline.registry.importing;

/** Why a row was refused: its 1-based number (data rows, not counting a CSV header), the field, and the reason. */
public record RowError(long row, String field, String message) {

    /** The "field" of an error about a row as a whole (not CSV, not a JSON object, wrong number of fields). */
    public static final String ROW = "row";
}
