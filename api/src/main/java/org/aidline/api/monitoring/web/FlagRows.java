package org.aidline.api.monitoring.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aidline.api.problem.FieldError;
import org.aidline.intake.monitoring.FlagKey;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Validates rows the same way whether they came as JSON or CSV: every field on its own, so a
 * bad row is reported with all of its reasons at once.
 */
@Component
class FlagRows {

    /** The "field" of errors about a row as a whole. */
    static final String ROW = "row";

    // Platforms' clocks drift: a detection a little ahead of ours is not an error.
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String CATEGORIES = Arrays.stream(Category.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final Validator validator;
    private final FlagWebMapper mapper;
    private final Clock clock;

    FlagRows(Validator validator, FlagWebMapper mapper, Clock clock) {
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    FlagRow read(RawFlag raw, String source) {
        List<FieldError> errors = new ArrayList<>(raw.errors());
        String flagId = text(raw, "flagId");
        // A row that is no row at all (not an object, wrong number of fields) has nothing more to check.
        if (errors.stream().anyMatch(error -> ROW.equals(error.field()))) {
            return new FlagRow.Bad(raw.row(), readable(flagId), errors);
        }
        Category category = convert(raw, "category", text -> Category.valueOf(text.toUpperCase(Locale.ROOT)),
                "must be one of " + CATEGORIES, errors);
        Integer householdSize = convert(raw, "householdSize", Integer::valueOf, "must be a whole number", errors);
        Instant detectedAt = convert(raw, "detectedAt", text -> OffsetDateTime.parse(text).toInstant(),
                "must be an ISO-8601 date-time with offset, such as 2025-03-01T08:00:00Z", errors);
        if (detectedAt != null && detectedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(new FieldError("detectedAt", "must not be in the future"));
        }
        FlagRequest request = new FlagRequest(flagId, text(raw, "villageCode"), category, text(raw, "subjectName"),
                text(raw, "idNumber"), householdSize, text(raw, "reason"), detectedAt);
        Set<String> unconvertible = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        for (ConstraintViolation<FlagRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            // A value that could not be converted is null now: "must not be null" would mislead.
            if (!unconvertible.contains(field)) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            return new FlagRow.Bad(raw.row(), readable(flagId), errors);
        }
        return new FlagRow.Good(raw.row(), mapper.toFlag(request, source));
    }

    private static @Nullable String text(RawFlag raw, String field) {
        String text = raw.text(field);
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static <T> @Nullable T convert(RawFlag raw, String field, Function<String, T> conversion, String message,
            List<FieldError> errors) {
        String text = text(raw, field);
        if (text == null) {
            return null;
        }
        try {
            return conversion.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }

    /** The flag id to name a bad row by, cut to the longest valid id so the response stays small. */
    private static @Nullable String readable(@Nullable String flagId) {
        return flagId == null || flagId.length() <= FlagKey.MAX_FLAG_ID_LENGTH ? flagId : flagId.substring(0, FlagKey.MAX_FLAG_ID_LENGTH);
    }
}
