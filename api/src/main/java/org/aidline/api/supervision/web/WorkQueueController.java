package org.aidline.api.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.supervision.Oversight;
import org.aidline.supervision.QueueCursor;
import org.aidline.supervision.QueueItem;
import org.aidline.supervision.QueuePage;
import org.aidline.supervision.WorkQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What waits on the supervisors of a region, queue by queue, most urgent first; auditors read along. */
@RestController
@Tag(name = "Supervision", description = "Work queues, statistics and exports of a region")
public class WorkQueueController {

    private static final String JSON = "application/json";
    private static final String PLACE = "\\d{6}|\\d{9}|\\d{12}";

    private final Oversight oversight;

    WorkQueueController(Oversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping(path = "/api/v1/supervision/queues", produces = JSON)
    @Operation(operationId = "countQueues", summary = "How many items wait in each work queue of your region (supervisors, auditors)",
            description = "Same filters as a single queue: county or village (a township or village code prefix) inside your region, "
                    + "and since [from, to).")
    Mono<QueueCounts> counts(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(example = "640104001") @RequestParam(required = false) @Nullable @Pattern(regexp = PLACE, message = "must be a county, township or village code") String village,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        Actor reader = Actors.from(token);
        return oversight.counts(reader, village != null ? village : county, from, to)
                .map(counts -> {
                    Map<String, Long> bySlug = new LinkedHashMap<>();
                    counts.forEach((queue, count) -> bySlug.put(queue.slug(), count));
                    return new QueueCounts(reader.region() == null ? "" : reader.region().code(), bySlug);
                })
                .onErrorMap(OutsideJurisdictionException.class, WorkQueueController::outside)
                .onErrorMap(IllegalArgumentException.class, WorkQueueController::badPlace);
    }

    @GetMapping(path = "/api/v1/supervision/queues/{queue}", produces = JSON)
    @Operation(operationId = "listQueue", summary = "One work queue of your region, most urgent first (supervisors, auditors)",
            description = "pending-reviews: the part above the cap to approve, then DOCUMENTED grants to review, longest waiting first. "
                    + "overdue-documents: the oldest deadline first. flagged-verifications: urgent reports first, then the longest flagged. "
                    + "escalations: tasks escalated and unacknowledged, exhausted escalations first, then urgent, then the most overdue. "
                    + "failed-payments: payments before recoveries, oldest refusal first. dead-letters: of tasks still unacknowledged "
                    + "first (urgent before not), oldest failure first. ordinary-cases: those the county decides first, then the oldest. "
                    + "filed-decisions: those still open to overturning first. referrals-waiting: escalated first, then the oldest. "
                    + "pending-extensions: extensions asked and not decided, those whose task is already RED first, then the oldest asked; "
                    + "id is the extension, detail its task, state the task's light (RED, YELLOW, GREEN), href the decision "
                    + "(POST). Filter by county or village prefix inside your region and by since [from, to); page on with cursor.")
    Mono<QueueList> queue(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "pending-reviews, overdue-documents, flagged-verifications, escalations, failed-payments, dead-letters, "
                    + "ordinary-cases, filed-decisions, referrals-waiting, pending-extensions")
            @PathVariable String queue,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(example = "640104001") @RequestParam(required = false) @Nullable @Pattern(regexp = PLACE, message = "must be a county, township or village code") String village,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        WorkQueue which = WorkQueue.bySlug(queue).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No work queue " + queue + ": " + java.util.Arrays.stream(WorkQueue.values()).map(WorkQueue::slug)
                        .collect(java.util.stream.Collectors.joining(", ")) + "."));
        QueueCursor after = cursor == null ? null : cursor(cursor, which);
        return oversight.queue(Actors.from(token), which, village != null ? village : county, from, to, after, limit)
                .map(WorkQueueController::list)
                .onErrorMap(OutsideJurisdictionException.class, WorkQueueController::outside)
                .onErrorMap(IllegalArgumentException.class, WorkQueueController::badPlace);
    }

    private static QueueList list(QueuePage page) {
        return new QueueList(page.queue().slug(), page.items().stream().map(WorkQueueController::view).toList(),
                page.next() == null ? null : page.next().encode());
    }

    private static QueueItemView view(QueueItem item) {
        return new QueueItemView(item.queue().slug(), item.id(), item.reportId(), item.grantId(), item.villageCode(), item.urgent(),
                item.rank(), item.since(), item.state(), item.amountFen() == null ? null : BigDecimal.valueOf(item.amountFen(), 2),
                item.detail(), href(item));
    }

    private static String href(QueueItem item) {
        return switch (item.queue()) {
            case PENDING_REVIEWS, FLAGGED_VERIFICATIONS -> "/api/v1/grants/" + item.grantId() + "/review";
            case OVERDUE_DOCUMENTS -> "/api/v1/grants/" + item.grantId();
            case ESCALATIONS -> "/api/v1/coordinator/tasks/" + item.id();
            case FAILED_PAYMENTS -> "/api/v1/payments/" + item.id() + "/retry";
            case DEAD_LETTERS -> "/api/v1/notifications/" + item.id() + "/retry";
            case ORDINARY_CASES -> "/api/v1/reports/" + item.reportId() + "/case";
            case FILED_DECISIONS -> "/api/v1/supervision/filed-decisions/" + item.id() + "/review";
            case REFERRALS_WAITING -> "/api/v1/referrals/" + item.id();
            // The item is the extension; its detail names the task it is of.
            case PENDING_EXTENSIONS -> "/api/v1/coordinator/tasks/" + item.detail() + "/extensions/" + item.id() + "/decision";
        };
    }

    private static QueueCursor cursor(String cursor, WorkQueue queue) {
        try {
            QueueCursor decoded = QueueCursor.decode(cursor);
            if (decoded.queue() != queue) {
                throw new IllegalArgumentException("A cursor of another queue");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this queue gave out.");
        }
    }

    static ProblemException outside(Throwable outside) {
        return new ProblemException(ProblemType.OUTSIDE_REGION, outside.getMessage());
    }

    private static ProblemException badPlace(Throwable bad) {
        return new ProblemException(ProblemType.BAD_PARAMETER, bad.getMessage());
    }
}
