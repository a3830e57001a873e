package org.aidline.api.open311.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.report.web.ReportRequest;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * POST requests.json as the spec sends it, form-encoded, read into the citizen's {@link ReportRequest}
 * so that it is validated and filed exactly as the app's report is. Errors name the form's fields.
 * Open311's personal fields ({@code first_name}, {@code last_name}, {@code email}, {@code phone},
 * {@code device_id}, {@code account_id}) and {@code address_id}, {@code media_url} are not read:
 * the token says who files, the attributes who is in hardship.
 */
@Schema(name = "Open311ServiceRequestForm", description = "application/x-www-form-urlencoded; attributes as attribute[code]")
public record ServiceRequestForm(
        @JsonProperty("service_code") @Schema(example = "MEDICAL_EMERGENCY", requiredMode = Schema.RequiredMode.REQUIRED) String serviceCode,
        @Schema(example = "父亲突发脑溢血住院，急需手术费", requiredMode = Schema.RequiredMode.REQUIRED) String description,
        @Schema(example = "38.4872") @Nullable String lat,
        @JsonProperty("long") @Schema(example = "106.2309") @Nullable String lon,
        @JsonProperty("address_string") @Schema(description = "Added to the description for the coordinator's visit", example = "3rd lane, house 12")
        @Nullable String addressString,
        @JsonProperty("attribute[village_code]") @Schema(example = "640104001001", requiredMode = Schema.RequiredMode.REQUIRED) String villageCode,
        @JsonProperty("attribute[subject_name]") @Schema(example = "王建国", requiredMode = Schema.RequiredMode.REQUIRED) String subjectName,
        @JsonProperty("attribute[subject_id_number]") @Schema(example = "11010519491231002X", requiredMode = Schema.RequiredMode.REQUIRED)
        String subjectIdNumber,
        @JsonProperty("attribute[subject_phone]") @Schema(example = "13800138000") @Nullable String subjectPhone,
        @JsonProperty("attribute[household_size]") @Schema(example = "4", requiredMode = Schema.RequiredMode.REQUIRED) String householdSize,
        @JsonProperty("attribute[urgent]") @Schema(example = "true", allowableValues = {"true", "false"},
                requiredMode = Schema.RequiredMode.REQUIRED) String urgent,
        @JsonProperty("attribute[requested_amount]") @Schema(example = "3000.00") @Nullable String requestedAmount) {

    /** Where each field of the report comes from in the form, to name it in errors. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("category", "service_code"),
            Map.entry("description", "description"),
            Map.entry("villageCode", attribute(Services.VILLAGE_CODE)),
            Map.entry("urgent", attribute(Services.URGENT)),
            Map.entry("requestedAmount", attribute(Services.REQUESTED_AMOUNT)),
            Map.entry("subject.name", attribute(Services.SUBJECT_NAME)),
            Map.entry("subject.idNumber", attribute(Services.SUBJECT_ID_NUMBER)),
            Map.entry("subject.phone", attribute(Services.SUBJECT_PHONE)),
            Map.entry("subject.householdSize", attribute(Services.HOUSEHOLD_SIZE)),
            Map.entry("location", "lat"),
            Map.entry("location.lat", "lat"),
            Map.entry("location.lon", "long"));

    private static final int MAX_ADDRESS = 500;

    /** The report the form describes; a 400 naming every field that cannot be read as its type. */
    static ReportRequest read(MultiValueMap<String, String> form) {
        Reader reader = new Reader(form);
        ReportRequest request = reader.request();
        if (!reader.errors.isEmpty()) {
            throw invalid(reader.errors);
        }
        return request;
    }

    /** The 400 for what bean validation found, with the form's field names. */
    static ProblemException invalid(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String path = violation.getPropertyPath().toString();
            errors.add(new FieldError(FIELDS.getOrDefault(path, path), violation.getMessage()));
        }
        return invalid(errors);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return new ProblemException(ProblemType.VALIDATION, "Some fields of the request are missing or invalid; see errors.",
                Map.of("errors", List.copyOf(sorted)));
    }

    private static String attribute(String code) {
        return "attribute[" + code + "]";
    }

    /** Reads each field once, collecting what cannot be read rather than stopping at the first. */
    private static final class Reader {

        private final MultiValueMap<String, String> form;
        private final List<FieldError> errors = new ArrayList<>();

        Reader(MultiValueMap<String, String> form) {
            this.form = form;
        }

        ReportRequest request() {
            Category category = category();
            String description = description();
            String village = text(attribute(Services.VILLAGE_CODE));
            Boolean urgent = urgent();
            BigDecimal amount = amount();
            ReportRequest.SubjectRequest subject = new ReportRequest.SubjectRequest(text(attribute(Services.SUBJECT_NAME)),
                    text(attribute(Services.SUBJECT_ID_NUMBER)), text(attribute(Services.SUBJECT_PHONE)), householdSize());
            return new ReportRequest(category, description, village, urgent, amount, subject, location(), null, null, null);
        }

        private @Nullable Category category() {
            String code = text("service_code");
            if (code == null) {
                return null;
            }
            return Services.category(code).orElseGet(() -> {
                errors.add(new FieldError("service_code", "is not a service code of GET /open311/v2/services.json"));
                return null;
            });
        }

        private @Nullable String description() {
            String description = text("description");
            String address = text("address_string");
            if (address == null || address.isBlank() || description == null || description.isBlank()) {
                return description;
            }
            if (address.length() > MAX_ADDRESS) {
                errors.add(new FieldError("address_string", "size must be between 0 and " + MAX_ADDRESS));
                return description;
            }
            return description + "\n\nAddress: " + address.strip();
        }

        private @Nullable Boolean urgent() {
            String urgent = text(attribute(Services.URGENT));
            if (urgent == null) {
                return null;
            }
            String value = urgent.strip().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                errors.add(new FieldError(attribute(Services.URGENT), "must be true or false"));
                return null;
            }
            return Boolean.valueOf(value);
        }

        private @Nullable BigDecimal amount() {
            String amount = text(attribute(Services.REQUESTED_AMOUNT));
            if (amount == null || amount.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(amount.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError(attribute(Services.REQUESTED_AMOUNT), "must be an amount in yuan such as 3000.00"));
                return null;
            }
        }

        private @Nullable Integer householdSize() {
            String size = text(attribute(Services.HOUSEHOLD_SIZE));
            if (size == null) {
                return null;
            }
            try {
                return Integer.valueOf(size.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError(attribute(Services.HOUSEHOLD_SIZE), "must be a whole number"));
                return null;
            }
        }

        /** Both or neither; a partner's map may send NaN or Infinity, which no place on earth has. */
        private ReportRequest.@Nullable LocationRequest location() {
            String lat = text("lat");
            String lon = text("long");
            if ((lat == null || lat.isBlank()) && (lon == null || lon.isBlank())) {
                return null;
            }
            Double latitude = degrees("lat", lat);
            Double longitude = degrees("long", lon);
            return latitude == null || longitude == null ? null : new ReportRequest.LocationRequest(latitude, longitude);
        }

        private @Nullable Double degrees(String field, @Nullable String value) {
            if (value == null || value.isBlank()) {
                errors.add(new FieldError(field, "must be given with " + (field.equals("lat") ? "long" : "lat")));
                return null;
            }
            try {
                double degrees = Double.parseDouble(value.strip());
                if (Double.isFinite(degrees)) {
                    return degrees;
                }
            } catch (NumberFormatException e) {
                // Told below, like a number that is not finite.
            }
            errors.add(new FieldError(field, "must be a number of degrees (WGS-84)"));
            return null;
        }

        /** The field's first value; a NUL is refused here, since PostgreSQL's text cannot store it. */
        private @Nullable String text(String field) {
            String value = form.getFirst(field);
            if (value != null && value.indexOf('\0') >= 0) {
                errors.add(new FieldError(field, "must not contain a NUL character"));
                return null;
            }
            return value;
        }
    }
}
