package org.aidline.registry.importing;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/** An import's identifier: a time-ordered UUID (v7), chosen by the service or offered by the client. */
public record ImportId(UUID value) {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    public static ImportId next() {
        return new ImportId(GENERATOR.generate());
    }

    /** A fresh time-ordered UUID for a row an import may create (household, member, enrolment). */
    static UUID nextRowId() {
        return GENERATOR.generate();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
