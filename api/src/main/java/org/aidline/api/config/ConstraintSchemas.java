package org.aidline.api.config;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import org.aidline.api.report.web.ValidPhone;
import org.aidline.api.report.web.ValidResidentId;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;

/**
 * Publishes what our own constraints enforce, which springdoc cannot read from them: a resident ID number
 * is 18 characters (ResidentId; the check digit is verified too), a phone number what PhoneNumber accepts.
 */
@Component
class ConstraintSchemas implements PropertyCustomizer, ParameterCustomizer {

    private static final String RESIDENT_ID = "^\\d{17}[0-9X]$";
    private static final String PHONE = "^\\+?[0-9][0-9 ()-]{4,24}$";

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (type.getCtxAnnotations() != null) {
            describe(property, type.getCtxAnnotations());
        }
        return property;
    }

    @Override
    public Parameter customize(Parameter parameter, MethodParameter method) {
        if (parameter != null && parameter.getSchema() != null) {
            describe(parameter.getSchema(), method.getParameterAnnotations());
        }
        return parameter;
    }

    private static void describe(Schema<?> schema, Annotation[] annotations) {
        if (Arrays.stream(annotations).anyMatch(ValidResidentId.class::isInstance)) {
            schema.minLength(18).maxLength(18).pattern(RESIDENT_ID);
        } else if (Arrays.stream(annotations).anyMatch(ValidPhone.class::isInstance)) {
            schema.maxLength(26).pattern(PHONE);
        }
    }
}
