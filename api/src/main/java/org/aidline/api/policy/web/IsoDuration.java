package org.aidline.api.policy.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.aidline.intake.policy.PolicyChange;

/** A positive ISO-8601 duration such as {@code P10D}, {@code PT15M} or {@code PT4H}, at most 366 days; null is left to other constraints. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDuration.Validator.class)
public @interface IsoDuration {

    String message() default "must be a positive ISO-8601 duration of at most 366 days, such as P10D, PT4H or PT15M";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDuration, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Duration duration = Duration.parse(value);
                return !duration.isNegative() && !duration.isZero() && duration.compareTo(PolicyChange.LONGEST) <= 0;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
