package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.notification.NotificationProperties;
import org.aidline.notification.stream.TaskStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The live stream of a coordinator's tasks, for connected apps. */
@RestController
@Tag(name = "Coordinator tasks")
public class TaskStreamController {

    private final TaskStream stream;
    private final NotificationWebMapper mapper;
    private final NotificationProperties properties;

    TaskStreamController(TaskStream stream, NotificationWebMapper mapper, NotificationProperties properties) {
        this.stream = stream;
        this.mapper = mapper;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/coordinator/tasks/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamMyTasks", summary = "Server-Sent Events: your tasks as they are assigned, reassigned, acknowledged, visited, completed",
            description = "Each event's id is its sequence number: reconnect with Last-Event-ID to miss nothing. "
                    + "A comment is sent as a heartbeat. Events come from every instance (Redis pub/sub); with Redis down "
                    + "they still come, from the database, within the poll interval.")
    Flux<ServerSentEvent<TaskView>> stream(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "The id of the last event received") @RequestHeader(name = "Last-Event-ID", required = false)
            @Nullable String lastEventId) {
        Flux<ServerSentEvent<TaskView>> heartbeats = Flux.interval(properties.stream().heartbeat())
                .map(tick -> ServerSentEvent.<TaskView>builder().comment("heartbeat").build());
        return stream.open(Actors.from(token).subject(), lastEventId(lastEventId)).flatMapMany(events -> Flux.concat(
                // Sent once the starting point is fixed: from here on the client misses nothing.
                Flux.just(ServerSentEvent.<TaskView>builder().comment("connected").build()),
                Flux.merge(events.map(event -> ServerSentEvent.builder(mapper.toView(event.task()))
                        .id(Long.toString(event.seq()))
                        .event(event.type())
                        .build()), heartbeats)));
    }

    private static @Nullable Long lastEventId(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "Last-Event-ID is the id of an event this stream sent.");
        }
    }
}
