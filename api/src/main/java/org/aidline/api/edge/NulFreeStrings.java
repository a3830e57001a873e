package org.aidline.api.edge;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON may carry {@code \u0000} in a string; PostgreSQL's text cannot store it. Refused while the
 * body is read, as a malformed field with its path, so that it never reaches the database (where
 * it failed the whole request, and every retry of it, as a 500).
 */
public final class NulFreeStrings extends StringDeserializer {

    private NulFreeStrings() {
    }

    public static JacksonModule module() {
        return new SimpleModule("aidline-nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw context.weirdStringException(value.replace('\0', '?'), String.class, "a NUL character (\\u0000) is not allowed");
        }
        return value;
    }
}
