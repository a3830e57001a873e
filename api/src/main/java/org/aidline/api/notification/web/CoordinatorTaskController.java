package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.notification.delivery.DeadLetterDesk;
import org.aidline.notification.task.CoordinatorTask;
import org.aidline.notification.task.TaskCursor;
import org.aidline.notification.task.TaskDesk;
import org.aidline.notification.task.TaskId;
import org.aidline.notification.task.TaskOrder;
import org.aidline.notification.task.TaskPage;
import org.aidline.notification.task.TaskStateException;
import org.aidline.notification.task.TaskStatus;
import org.aidline.notification.task.Visit;
import org.aidline.notification.workorder.WorkOrderDesk;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Coordinators work their tasks; supervisors see and act on those of their region. Anyone else finds nothing (404). */
@RestController
@Tag(name = "Coordinator tasks", description = "Every report that is not rejected becomes a task for the people of its village")
public class CoordinatorTaskController {

    private static final String JSON = "application/json";

    private final TaskDesk desk;
    private final DeadLetterDesk deliveries;
    private final WorkOrderDesk workOrders;
    private final NotificationWebMapper mapper;
    private final Clock clock;

    CoordinatorTaskController(TaskDesk desk, DeadLetterDesk deliveries, WorkOrderDesk workOrders, NotificationWebMapper mapper, Clock clock) {
        this.desk = desk;
        this.deliveries = deliveries;
        this.workOrders = workOrders;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/coordinator/tasks", produces = JSON)
    @Operation(operationId = "listMyTasks", summary = "Your tasks (coordinators) or your region's (supervisors), by status, newest first or by deadline or light",
            description = "sort=DEADLINE lists open tasks by their next deadline, soonest first; sort=LIGHT lists open tasks RED, YELLOW, "
                    + "then GREEN, soonest deadline first within a light. A cursor keeps the sort it was given with.")
    Mono<TaskList> list(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Nullable TaskStatus status,
            @RequestParam(defaultValue = "NEWEST") TaskOrder sort,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return desk.list(Actors.from(token), status, sort, cursor(cursor), limit).map(this::list);
    }

    @GetMapping(path = "/api/v1/coordinator/tasks/{id}", produces = JSON)
    @Operation(operationId = "getTask", summary = "A task with its escalations and every notification of it: attempts, provider answers, times")
    Mono<TaskDetail> detail(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Actor actor = Actors.from(token);
        TaskId taskId = parse(id);
        return desk.find(actor, taskId)
                .switchIfEmpty(Mono.error(CoordinatorTaskController::notFound))
                .flatMap(task -> Mono.zip(desk.escalations(actor, taskId), deliveries.ofTask(actor, taskId), workOrders.chases(actor, taskId),
                                workOrders.extensions(actor, taskId), workOrders.sendBacks(actor, taskId))
                        .map(all -> new TaskDetail(mapper.toView(task),
                                all.getT1().stream().map(mapper::toView).toList(),
                                all.getT2().stream().map(mapper::toView).toList(),
                                all.getT3().stream().map(WorkOrderViews.ChaseView::of).toList(),
                                all.getT4().stream().map(WorkOrderViews.ExtensionView::of).toList(),
                                all.getT5().stream().map(WorkOrderViews.SendBackView::of).toList())));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/ack", produces = JSON)
    @Operation(operationId = "acknowledgeTask", summary = "Acknowledge a task (the assignee, or a supervisor of its region); stops its escalation")
    Mono<TaskView> acknowledge(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return answer(desk.acknowledge(Actors.from(token), parse(id)));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/visit", consumes = JSON, produces = JSON)
    @Operation(operationId = "recordTaskVisit", summary = "Check in at the household: time and location; acknowledges the task if it was not")
    Mono<TaskView> visit(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Valid @RequestBody VisitRequest request) {
        Visit visit = new Visit(request.at() == null ? clock.instant().truncatedTo(ChronoUnit.MICROS) : request.at().truncatedTo(ChronoUnit.MICROS),
                request.latitude(), request.longitude(), request.note());
        return answer(desk.visit(Actors.from(token), parse(id), visit));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/complete", produces = JSON)
    @Operation(operationId = "completeTask", summary = "Complete an acknowledged or visited task")
    @ApiResponse(responseCode = "200", description = "Completed", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @ApiResponse(responseCode = "409", description = "Not acknowledged yet: /problems/state-conflict",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<TaskView> complete(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable CompleteRequest request) {
        return answer(desk.complete(Actors.from(token), parse(id), request == null ? null : request.note()));
    }

    private Mono<TaskView> answer(Mono<CoordinatorTask> changed) {
        return changed.map(mapper::toView)
                .switchIfEmpty(Mono.error(CoordinatorTaskController::notFound))
                .onErrorMap(TaskStateException.class, refused -> new ProblemException(ProblemType.STATE_CONFLICT, refused.getMessage()));
    }

    private TaskList list(TaskPage page) {
        return new TaskList(page.items().stream().map(mapper::toView).toList(), page.next() == null ? null : page.next().encode());
    }

    private static @Nullable TaskCursor cursor(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return TaskCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this service gave out.");
        }
    }

    static TaskId parse(String id) {
        try {
            return TaskId.parse(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No task with this id, or you may not see it.");
    }
}
