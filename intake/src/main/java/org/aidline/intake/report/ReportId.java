package org.aidline.intake.report;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/** A report's identifier: a time-ordered UUID (v7) with 74 random bits, so never guessable. */
public record ReportId(UUID value) {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    public static ReportId next() {
        return new ReportId(GENERATOR.generate());
    }

    public static ReportId parse(String value) {
        return new ReportId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
