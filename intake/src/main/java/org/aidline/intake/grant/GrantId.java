package org.aidline.intake.grant;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/** A grant's identifier, time-ordered like a report's. */
public record GrantId(UUID value) {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    public static GrantId next() {
        return new GrantId(GENERATOR.generate());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
