package org.aidline.api.monitoring.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aidline.api.config.IntakeProperties;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads CSV flags line by line, holding one line at a time within the request size limit. Jackson's
 * CSV module has no non-blocking parser, so it would need a thread blocked on the body; cutting
 * lines ourselves and parsing each with {@link CsvLine} does not.
 */
@Component
class CsvFlagReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private final int maxLineBytes;

    CsvFlagReader(IntakeProperties limits) {
        this.maxLineBytes = (int) limits.maxBodySize().toBytes();
    }

    /**
     * The data lines as rows, numbered from 1 after the header; blank lines are skipped but keep
     * their number. UTF-8 unless the content type names another charset.
     */
    Flux<RawFlag> read(Flux<DataBuffer> body, MediaType contentType) {
        return Flux.defer(() -> {
            CsvLines lines = new CsvLines(contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset(), maxLineBytes);
            Header[] header = {null};
            AtomicLong read = new AtomicLong();
            return body.concatMapIterable(buffer -> lines.feed(Chunks.bytes(buffer)))
                    .concatWith(Flux.defer(() -> Flux.fromIterable(lines.end())))
                    .<RawFlag>handle((piece, sink) -> {
                        long row = read.getAndIncrement();
                        if (piece instanceof CsvLines.Line line) {
                            if (row == 0) {
                                header[0] = Header.parse(line.text());
                            } else if (!line.text().isBlank()) {
                                sink.next(header[0].row(row, line.text()));
                            }
                        } else if (row == 0) {
                            sink.error(new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The CSV header line is longer than this service accepts."));
                        } else {
                            sink.next(RawFlag.broken(row, "is longer than this service accepts for one flag; the rest of the upload was not read"));
                            sink.complete();
                        }
                    });
        });
    }

    /** The columns of the header line, by name. */
    private record Header(Map<String, Integer> columns, int width) {

        static Header parse(String line) {
            String text = !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
            List<String> names;
            try {
                names = CsvLine.split(text);
            } catch (CsvLine.MalformedLine malformed) {
                throw unreadable("The CSV header " + malformed.getMessage() + ".", List.of());
            }
            Map<String, Integer> columns = new HashMap<>();
            Map<String, String> known = new HashMap<>();
            FlagRequest.FIELDS.forEach(field -> known.put(field.toLowerCase(Locale.ROOT), field));
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String field = known.get(names.get(i).strip().toLowerCase(Locale.ROOT));
                // Columns we do not know are the platform's own business: they are ignored.
                if (field != null && columns.putIfAbsent(field, i) != null) {
                    errors.add(new FieldError(field, "is named by more than one column"));
                }
            }
            for (String required : FlagRequest.REQUIRED) {
                if (!columns.containsKey(required)) {
                    errors.add(new FieldError(required, "has no column in the header"));
                }
            }
            if (!errors.isEmpty()) {
                throw unreadable("The first line must be a header naming the columns " + String.join(", ", FlagRequest.REQUIRED)
                        + " (and optionally idNumber, detectedAt).", errors);
            }
            return new Header(Map.copyOf(columns), names.size());
        }

        RawFlag row(long row, String line) {
            if (line.indexOf(REPLACEMENT) >= 0) {
                return RawFlag.broken(row, "is not text in the body's charset (UTF-8 unless the content type names another)");
            }
            List<String> values;
            try {
                values = CsvLine.split(line);
            } catch (CsvLine.MalformedLine malformed) {
                return RawFlag.broken(row, malformed.getMessage());
            }
            Map<String, String> fields = new HashMap<>();
            columns.forEach((field, column) -> {
                if (column < values.size()) {
                    fields.put(field, values.get(column));
                }
            });
            List<FieldError> errors = values.size() == width ? List.of()
                    : List.of(new FieldError(FlagRows.ROW, "has " + values.size() + " fields; the header has " + width));
            return new RawFlag(row, fields, errors);
        }

        private static ProblemException unreadable(String detail, List<FieldError> errors) {
            return new ProblemException(ProblemType.MALFORMED_BODY, detail, errors.isEmpty() ? Map.of() : Map.of("errors", errors));
        }
    }
}
