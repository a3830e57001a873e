package org.aidline.intake.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cases as they are stored. Every write is one statement that also appends the report's history
 * and moves its version, and only if the report is still at the version (and status) the change
 * was decided on: it emits false, writing nothing, when someone else got there first.
 */
public interface CaseFiles {

    /** The report's case as it stands; empty when there is no such report. */
    Mono<CaseFile> byReport(ReportId id);

    /** The household's encrypted ID number, for the means test; empty when it is not known. */
    Mono<byte[]> subjectIdCipher(ReportId id);

    /** Records (or records again) a step, with a history event of {@code eventType}. */
    Mono<Boolean> recordStep(ReportId id, int version, ReportStatus status, DoneStep step, String eventType);

    Mono<Boolean> raiseObjection(ReportId id, int version, Objection objection);

    /** Writes the objection's resolution, if it is still open. */
    Mono<Boolean> resolveObjection(ReportId id, int version, Objection resolved);

    /**
     * A decision or a recommendation. A decision moves the report to DECIDED; a GRANT makes its
     * grant, ledger entry and payment instruction in the same statement. PostgreSQL refuses a second
     * standing decision for the report, so a case is never decided (nor paid) twice.
     */
    Mono<Boolean> decide(CaseDecisionWrite write);

    /** The county notes a filed decision as seen, or overturns it (see {@link CaseDecisionReview}). */
    Mono<Boolean> reviewFiling(CaseDecisionReview review);

    /** The filed decision with this id and the case it belongs to. */
    Mono<CaseFile> byDecision(UUID decisionId);

    /** Reports whose case may be closable (decided, or an emergency reviewed), after {@code after} in id order, up to {@code limit}. */
    Flux<ReportId> closable(@Nullable ReportId after, int limit);

    /** Closes the case, with its history event, if the report is still at the version it was found done at. */
    Mono<Boolean> close(ReportId id, int version, ReportStatus status, Instant at);

    /** A history event's detail, as the report's history shows it. */
    static Map<String, Object> detail(@Nullable Object... keysAndValues) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                detail.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
            }
        }
        return detail;
    }
}
