package org.aidline.api.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details in the client's language: Chinese (zh-CN, the default) or English.
 * Every type's title and standard detail exist in both (messages.properties, messages_zh.properties).
 */
@Component
public class Problems {

    private static final String ENGLISH = Locale.ENGLISH.getLanguage();

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(ProblemType type, @Nullable String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(type.uri());
        problem.setTitle(messages.getMessage("problem." + type.slug() + ".title", null, type.status().getReasonPhrase(), locale));
        problem.setDetail(detail);
        return problem;
    }

    public ProblemDetail of(ProblemException exception, Locale locale) {
        ProblemDetail problem = particular(exception.type(), exception.getMessage(), locale);
        exception.properties().forEach(problem::setProperty);
        return problem;
    }

    /**
     * A problem whose detail the code wrote for this case, in English (a state, a cursor, a field). A
     * reader of another language gets the type's standard detail in theirs, the particulars beside it
     * as {@code englishDetail}, rather than a detail in a language they did not ask for.
     */
    public ProblemDetail particular(ProblemType type, @Nullable String englishDetail, Locale locale) {
        if (englishDetail == null || ENGLISH.equals(locale.getLanguage())) {
            return of(type, englishDetail, locale);
        }
        String standard = detail(type, locale);
        ProblemDetail problem = of(type, standard == null ? englishDetail : standard, locale);
        if (standard != null && !englishDetail.equals(detail(type, Locale.ENGLISH))) {
            problem.setProperty("englishDetail", englishDetail);
        }
        return problem;
    }

    public ProblemDetail invalid(List<FieldError> errors, Locale locale) {
        ProblemDetail problem = of(ProblemType.VALIDATION, message("problem.validation.detail", locale), locale);
        problem.setProperty("errors", errors);
        return problem;
    }

    public ProblemDetail withProperties(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }

    public String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }

    /** The standard detail of a problem type, if it has one. */
    public @Nullable String detail(ProblemType type, Locale locale) {
        return messages.getMessage("problem." + type.slug() + ".detail", null, null, locale);
    }
}
