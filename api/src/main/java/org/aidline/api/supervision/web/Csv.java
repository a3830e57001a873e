package org.aidline.api.supervision.web;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One CSV line (RFC 4180) at a time. Text that people typed is also defused for spreadsheets: a
 * cell starting with =, +, -, @ or a control character would be run as a formula (CSV injection),
 * so it gets a leading apostrophe.
 */
final class Csv {

    /** Spreadsheet programs read UTF-8 only after this mark; without it they show Chinese as mojibake. */
    static final String BOM = "\uFEFF";

    private final StringBuilder line = new StringBuilder(256);

    /** Free text from people: quoted as needed and defused. */
    Csv text(@Nullable String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return cell("'" + value);
        }
        return cell(value);
    }

    /** Codes, ids and enumerations the service itself wrote. */
    Csv cell(@Nullable Object value) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        if (value == null) {
            return this;
        }
        String text = value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            line.append(text);
        }
        return this;
    }

    Csv yuan(@Nullable Long fen) {
        return cell(fen == null ? null : BigDecimal.valueOf(fen, 2).toPlainString());
    }

    Csv time(@Nullable Instant at) {
        return cell(at);
    }

    /** The line with its CRLF ending. */
    String end() {
        return line.append("\r\n").toString();
    }

    static String header(String... columns) {
        Csv csv = new Csv();
        for (String column : columns) {
            csv.cell(column);
        }
        return csv.end();
    }
}
