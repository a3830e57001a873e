package org.aidline.api.open311;

import java.time.Instant;
import org.aidline.intake.report.ReportId;
import reactor.core.publisher.Mono;

/**
 * When a report is due to be handled, for Open311's {@code expected_datetime}: empty when no
 * deadline is known. A port, so that Open311 does not care who counts the working days.
 */
public interface HandlingDeadlines {

    /** Answers nothing: until a deadline is known, Open311 leaves {@code expected_datetime} out. */
    HandlingDeadlines UNKNOWN = report -> Mono.empty();

    Mono<Instant> of(ReportId report);
}
