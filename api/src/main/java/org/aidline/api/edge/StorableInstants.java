package org.aidline.api.edge;

import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.format.Formatter;

/**
 * Instants in query parameters ({@code from}, {@code to}, {@code before}): ISO-8601, and within
 * years 1 to 9999. Java reads instants a billion years away, which PostgreSQL cannot store or
 * compare; refused here as a bad parameter instead of failing in the database.
 */
public class StorableInstants implements Formatter<Instant> {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @Override
    public Instant parse(String text, Locale locale) throws ParseException {
        Instant instant;
        try {
            instant = Instant.parse(text.trim());
        } catch (DateTimeParseException unreadable) {
            throw new ParseException("not an ISO-8601 instant such as 2026-11-01T00:00:00Z", unreadable.getErrorIndex());
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("outside years 1 to 9999");
        }
        return instant;
    }

    @Override
    public String print(Instant instant, Locale locale) {
        return instant.toString();
    }
}
