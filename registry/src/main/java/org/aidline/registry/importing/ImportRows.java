package org.aidline.registry.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ResidentId;
import org.aidline.registry.EnrolmentStatus;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;

/**
 * Checks a row whether it came as CSV or JSON: every field on its own, so that a refused row lists
 * all of its reasons at once. Pure: what the registry knows (villages, regions) is checked later.
 */
public final class ImportRows {

    /** The field names, which are also the CSV column names. */
    public static final List<String> FIELDS = List.of(
            "name", "idNumber", "villageCode", "programme", "monthlyAmount", "startsOn", "status", "reason", "householdId");

    /** The columns a CSV header must name. */
    public static final List<String> REQUIRED = List.of("name", "idNumber", "villageCode", "programme", "monthlyAmount");

    static final int MAX_NAME = 100;
    static final int MAX_REASON = 500;
    static final int MAX_HOUSEHOLD_ID = 64;
    // A month of the most generous programme is a few thousand yuan: more is a misplaced decimal point.
    private static final BigDecimal MAX_MONTHLY_YUAN = new BigDecimal("100000");
    private static final String PROGRAMMES = names(Programme.values());
    private static final String STATUSES = names(EnrolmentStatus.values());

    private ImportRows() {
    }

    /** The row checked: an {@link ImportRow}, or the reasons it is refused. */
    public static Checked check(RawRow raw) {
        List<RowError> errors = new ArrayList<>(raw.errors());
        if (!errors.isEmpty() && errors.stream().anyMatch(error -> RowError.ROW.equals(error.field()))) {
            return new Checked(raw.row(), null, errors);
        }
        long row = raw.row();
        String name = required(raw, "name", errors);
        if (name != null && name.length() > MAX_NAME) {
            errors.add(new RowError(row, "name", "is longer than " + MAX_NAME + " characters"));
        }
        ResidentId idNumber = convert(raw, "idNumber", ResidentId::new, null, errors);
        VillageCode village = convert(raw, "villageCode", VillageCode::new, "must be a 12-digit village code", errors);
        Programme programme = convert(raw, "programme", text -> Programme.valueOf(text.toUpperCase(Locale.ROOT)),
                "must be one of " + PROGRAMMES, errors);
        Money amount = convert(raw, "monthlyAmount", ImportRows::monthly,
                "must be an amount in yuan from 0 to " + MAX_MONTHLY_YUAN.toPlainString() + " with at most two decimals", errors);
        for (String field : List.of("idNumber", "villageCode", "programme", "monthlyAmount")) {
            required(raw, field, errors);
        }
        LocalDate startsOn = convert(raw, "startsOn", LocalDate::parse, "must be a date such as 2025-03-01", errors);
        EnrolmentStatus status = convert(raw, "status", text -> EnrolmentStatus.valueOf(text.toUpperCase(Locale.ROOT)),
                "must be one of " + STATUSES, errors);
        String reason = raw.text("reason");
        if (reason != null && reason.length() > MAX_REASON) {
            errors.add(new RowError(row, "reason", "is longer than " + MAX_REASON + " characters"));
        }
        String householdId = raw.text("householdId");
        if (householdId != null && householdId.length() > MAX_HOUSEHOLD_ID) {
            errors.add(new RowError(row, "householdId", "is longer than " + MAX_HOUSEHOLD_ID + " characters"));
        }
        if (!errors.isEmpty()) {
            return new Checked(row, null, errors);
        }
        return new Checked(row, new ImportRow(row, idNumber, name, village, programme, amount, startsOn,
                status == null ? EnrolmentStatus.ACTIVE : status, reason, householdId), List.of());
    }

    private static Money monthly(String text) {
        BigDecimal yuan = new BigDecimal(text);
        if (yuan.compareTo(MAX_MONTHLY_YUAN) > 0) {
            throw new IllegalArgumentException("too large");
        }
        return Money.ofYuan(yuan);
    }

    private static @Nullable String required(RawRow raw, String field, List<RowError> errors) {
        String text = raw.text(field);
        if (text == null) {
            errors.add(new RowError(raw.row(), field, "is required"));
        }
        return text;
    }

    /** The field converted, or null with an error; {@code message} null: the exception's own (a check digit, say). */
    private static <T> @Nullable T convert(RawRow raw, String field, Function<String, T> conversion, @Nullable String message,
            List<RowError> errors) {
        String text = raw.text(field);
        if (text == null) {
            return null;
        }
        try {
            return conversion.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            errors.add(new RowError(raw.row(), field, message == null ? e.getMessage() : message));
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A row after its check: the row to import, or its errors. */
    public record Checked(long row, @Nullable ImportRow good, List<RowError> errors) {

        public Checked {
            errors = List.copyOf(errors);
        }
    }
}
