package org.aidline.api.registryimport.web;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aidline.api.config.IntakeProperties;
import org.aidline.api.monitoring.web.CsvLine;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.registry.importing.ImportRows;
import org.aidline.registry.importing.RawRow;
import org.aidline.registry.importing.RowError;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import's body line by line as it arrives, holding one line at a time: CSV under a header
 * naming the columns, or JSON lines (one object per line). Rows are numbered from 1 (after a CSV's
 * header); blank lines are skipped but keep their number, so a row's number is its line in the file
 * less the header.
 */
@Component
class ImportBodyReader {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    // Amounts stay exact decimals: 1234.56 must not pass through a double.
    private static final JsonMapper LINES = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final int maxLineBytes;

    ImportBodyReader(IntakeProperties limits) {
        this.maxLineBytes = (int) limits.maxBodySize().toBytes();
    }

    Flux<RawRow> read(Flux<DataBuffer> body, MediaType contentType) {
        boolean csv = contentType.isCompatibleWith(CSV);
        return Flux.defer(() -> {
            Charset named = contentType.getCharset();
            TextLines lines = new TextLines(named, maxLineBytes);
            Header[] header = {null};
            long[] number = {csv ? -1 : 0};
            return body.concatMapIterable(buffer -> lines.feed(bytes(buffer)))
                    .concatWith(Flux.defer(() -> Flux.fromIterable(lines.end())))
                    .<RawRow>handle((piece, sink) -> {
                        long row = ++number[0];
                        if (piece instanceof TextLines.TooLong) {
                            if (row <= 0) {
                                sink.error(new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The CSV header line is longer than this service accepts."));
                            } else {
                                sink.next(RawRow.broken(row, "is longer than this service accepts for one row; the rest of the upload was not read"));
                                sink.complete();
                            }
                            return;
                        }
                        String text = ((TextLines.Line) piece).text();
                        if (row == 0) {
                            header[0] = Header.parse(text);
                        } else if (text == null) {
                            sink.next(RawRow.broken(row, "is not text in the body's charset (" + (lines.charset() == null ? "UTF-8 or GB18030"
                                    : lines.charset().name()) + ")"));
                        } else if (!text.isBlank()) {
                            sink.next(csv ? header[0].row(row, text) : json(row, text));
                        }
                    });
        });
    }

    private static RawRow json(long row, String line) {
        JsonNode element;
        try {
            element = LINES.readTree(line);
        } catch (JacksonException e) {
            return RawRow.broken(row, "is not JSON");
        }
        if (element == null || !element.isObject()) {
            return RawRow.broken(row, "is not a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (String field : ImportRows.FIELDS) {
            JsonNode value = element.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isContainer()) {
                errors.add(new RowError(row, field, "must be a single value, not an object or array"));
            } else {
                // Numbers are taken as their text: a feed may well send amounts and codes as numbers.
                fields.put(field, value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asString());
            }
        }
        return new RawRow(row, fields, errors);
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The columns of the CSV header line, by name. */
    private record Header(Map<String, Integer> columns, int width) {

        static Header parse(@Nullable String line) {
            if (line == null) {
                throw unreadable("The CSV header is not text in UTF-8 or GB18030.", List.of());
            }
            List<String> names;
            try {
                names = CsvLine.split(line);
            } catch (CsvLine.MalformedLine malformed) {
                throw unreadable("The CSV header " + malformed.getMessage() + ".", List.of());
            }
            Map<String, Integer> columns = new HashMap<>();
            Map<String, String> known = new HashMap<>();
            ImportRows.FIELDS.forEach(field -> known.put(field.toLowerCase(Locale.ROOT), field));
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String field = known.get(names.get(i).strip().toLowerCase(Locale.ROOT));
                // Columns we do not know are the feed's own business: they are ignored.
                if (field != null && columns.putIfAbsent(field, i) != null) {
                    errors.add(new FieldError(field, "is named by more than one column"));
                }
            }
            for (String required : ImportRows.REQUIRED) {
                if (!columns.containsKey(required)) {
                    errors.add(new FieldError(required, "has no column in the header"));
                }
            }
            if (!errors.isEmpty()) {
                throw unreadable("The first line must be a header naming the columns " + String.join(", ", ImportRows.REQUIRED)
                        + " (and optionally startsOn, status, reason, householdId).", errors);
            }
            return new Header(Map.copyOf(columns), names.size());
        }

        RawRow row(long row, String line) {
            List<String> values;
            try {
                values = CsvLine.split(line);
            } catch (CsvLine.MalformedLine malformed) {
                return RawRow.broken(row, malformed.getMessage());
            }
            if (values.size() != width) {
                return RawRow.broken(row, "has " + values.size() + " fields; the header has " + width);
            }
            Map<String, String> fields = new HashMap<>();
            columns.forEach((field, column) -> fields.put(field, values.get(column)));
            return new RawRow(row, fields, List.of());
        }

        private static ProblemException unreadable(String detail, List<FieldError> errors) {
            return new ProblemException(ProblemType.MALFORMED_BODY, detail, errors.isEmpty() ? Map.of() : Map.of("errors", errors));
        }
    }
}
