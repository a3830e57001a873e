package org.aidline.api.monitoring.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields (RFC 4180 within a line): a field in double quotes may hold
 * commas and doubled quotes. A record is one line, so that one broken line is one bad row and
 * never swallows the lines after it.
 */
public final class CsvLine {

    private CsvLine() {
    }

    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int length = line.length();
        while (true) {
            if (i < length && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field);
                if (i < length && line.charAt(i) != ',') {
                    throw new MalformedLine("has text after the closing quote of field " + (fields.size() + 1));
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= length) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field from just after its opening quote; returns the index after its closing quote. */
    private static int quoted(String line, int from, StringBuilder field) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new MalformedLine("has a quoted field without its closing quote (a field cannot span lines)");
    }

    /** A line that is not CSV. */
    public static final class MalformedLine extends IllegalArgumentException {

        MalformedLine(String message) {
            super(message);
        }
    }
}
