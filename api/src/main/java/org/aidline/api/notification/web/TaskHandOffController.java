package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.notification.task.CoordinatorTask;
import org.aidline.notification.workorder.Extension;
import org.aidline.notification.workorder.InvalidWorkOrderInputException;
import org.aidline.notification.workorder.WorkOrderDesk;
import org.aidline.notification.workorder.WorkOrderForbiddenException;
import org.aidline.notification.workorder.WorkOrderRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A work order's hand-offs: chase, extension, send-back, reassignment, closing a duplicate. */
@RestController
@Tag(name = "Coordinator tasks")
@ApiResponse(responseCode = "403", description = "Not yours to do (the assignee asks and sends back, a supervisor of the region "
        + "chases, decides and reassigns): /problems/forbidden",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
@ApiResponse(responseCode = "409", description = "The task's state or the policy's limits do not allow it: /problems/state-conflict",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
public class TaskHandOffController {

    private static final String JSON = "application/json";

    private final WorkOrderDesk desk;
    private final NotificationWebMapper mapper;

    TaskHandOffController(WorkOrderDesk desk, NotificationWebMapper mapper) {
        this.desk = desk;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/chase", consumes = JSON, produces = JSON)
    @Operation(operationId = "chaseTask", summary = "Chase the assignee (催办; supervisors of the task's region)",
            description = "Notifies the assignee by push (SMS without a device) and records the chase. The day after a missed "
                    + "deadline a chase goes out by itself, once per deadline.")
    Mono<TaskView> chase(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody WorkOrderRequests.ChaseBody request) {
        return task(desk.chase(Actors.from(token), CoordinatorTaskController.parse(id), request.note()));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/extensions", consumes = JSON, produces = JSON)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "askTaskExtension", summary = "Ask for more working days to handle the task (its assignee)",
            description = "At most the policy's number of extensions, and working days in all; one waits for a decision at a time.")
    Mono<WorkOrderViews.ExtensionView> askExtension(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody WorkOrderRequests.ExtensionBody request) {
        return extension(desk.askExtension(Actors.from(token), CoordinatorTaskController.parse(id), request.workingDays(), request.reason()));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/extensions/{extensionId}/decision", consumes = JSON, produces = JSON)
    @Operation(operationId = "decideTaskExtension", summary = "Grant or refuse an extension (supervisors of the task's region)",
            description = "GRANT moves the handling deadline by the working days asked; REFUSE, with a reason, leaves it. The assignee is told.")
    Mono<WorkOrderViews.ExtensionView> decideExtension(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @PathVariable String extensionId, @Validated @RequestBody WorkOrderRequests.ExtensionDecisionBody request) {
        boolean grant = request.decision() == WorkOrderRequests.Decision.GRANT;
        if (!grant && (request.reason() == null || request.reason().isBlank())) {
            return Mono.error(ProblemException.invalid("reason", "is required to REFUSE"));
        }
        UUID extension;
        try {
            extension = UUID.fromString(extensionId);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.notFound("extension"));
        }
        return extension(desk.decideExtension(Actors.from(token), CoordinatorTaskController.parse(id), extension, grant, request.reason()));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/send-back", consumes = JSON, produces = JSON)
    @Operation(operationId = "sendTaskBack", summary = "Send the task back (任务回退; its assignee, within the policy's working days of receiving it)",
            description = "The task goes to the county supervisor, who reassigns it or closes it as a duplicate; a task sent back "
                    + "twice is in the supervisors' escalations queue.")
    Mono<TaskView> sendBack(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody WorkOrderRequests.SendBackBody request) {
        return task(desk.sendBack(Actors.from(token), CoordinatorTaskController.parse(id), request.reason(), request.note()));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/assignee", consumes = JSON, produces = JSON)
    @Operation(operationId = "reassignTask", summary = "Give the task to someone else (supervisors of the task's region)",
            description = "To a coordinator or supervisor of the task's county, who is notified and signs for it afresh.")
    Mono<TaskView> reassign(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody WorkOrderRequests.AssigneeBody request) {
        return task(desk.reassign(Actors.from(token), CoordinatorTaskController.parse(id), request.assignee()));
    }

    @PostMapping(path = "/api/v1/coordinator/tasks/{id}/duplicate", consumes = JSON, produces = JSON)
    @Operation(operationId = "closeTaskAsDuplicate", summary = "Close a task sent back as a duplicate (supervisors of the task's region)")
    Mono<TaskView> closeAsDuplicate(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody WorkOrderRequests.DuplicateBody request) {
        return task(desk.closeAsDuplicate(Actors.from(token), CoordinatorTaskController.parse(id), request.note()));
    }

    private Mono<TaskView> task(Mono<CoordinatorTask> changed) {
        return problems(changed.map(mapper::toView), "task");
    }

    private static Mono<WorkOrderViews.ExtensionView> extension(Mono<Extension> extension) {
        return problems(extension.map(WorkOrderViews.ExtensionView::of), "extension");
    }

    private static <T> Mono<T> problems(Mono<T> answer, String what) {
        return answer.switchIfEmpty(Mono.error(() -> ProblemException.notFound(what)))
                .onErrorMap(WorkOrderRefusedException.class, refused -> new ProblemException(ProblemType.STATE_CONFLICT, refused.getMessage()))
                .onErrorMap(WorkOrderForbiddenException.class, refused -> new ProblemException(ProblemType.FORBIDDEN, refused.getMessage()))
                .onErrorMap(InvalidWorkOrderInputException.class, invalid -> ProblemException.invalid(invalid.field(), invalid.getMessage()));
    }
}
