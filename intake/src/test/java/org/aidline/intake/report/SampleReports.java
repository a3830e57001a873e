package org.aidline.intake.report;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.region.VillageCode;

/** Minimal reports for tests, built the way the service builds them when it receives one. */
final class SampleReports {

    static final String FILER = "citizen-ma-lan";

    private SampleReports() {
    }

    static Report received(String village, String filedBy, Instant at) {
        NewReport filed = new NewReport(
                Channel.APP,
                Category.BASIC_LIVING,
                "No income since the harvest failed",
                new VillageCode(village),
                false,
                null,
                new Subject("Ma Lan", null, null, 3),
                null,
                List.of(),
                null,
                null,
                filedBy);
        return Report.received(filed, ReportId.next(), ReportReference.random(), at);
    }

    static Report received(String village) {
        return received(village, FILER, Instant.parse("2025-03-01T08:00:00Z"));
    }
}
