package org.aidline.api.edge;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants in JSON bodies, as {@link StorableInstants} for query parameters: years 1 to 9999, or a
 * malformed field. Found by contract fuzzing: {@code "until":"+999999999-12-31T23:59:59Z"} in a
 * coordinator's availability reached PostgreSQL and failed as a 500.
 */
public final class StorableInstantsInJson extends StdScalarDeserializer<Instant> {

    private StorableInstantsInJson() {
        super(Instant.class);
    }

    public static JacksonModule module() {
        return new SimpleModule("aidline-storable-instants").addDeserializer(Instant.class, new StorableInstantsInJson());
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
        if (instant != null && (instant.isBefore(StorableInstants.EARLIEST) || instant.isAfter(StorableInstants.LATEST))) {
            throw context.weirdStringException(instant.toString(), Instant.class, "outside years 1 to 9999");
        }
        return instant;
    }
}
