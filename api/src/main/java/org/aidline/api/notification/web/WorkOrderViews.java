package org.aidline.api.notification.web;

import java.time.Instant;
import org.aidline.notification.workorder.Chase;
import org.aidline.notification.workorder.Extension;
import org.aidline.notification.workorder.SendBack;
import org.jspecify.annotations.Nullable;

/** A work order's hand-offs as the apps and the supervisors' console see them. */
public final class WorkOrderViews {

    private WorkOrderViews() {
    }

    public record ChaseView(int number, Instant at, String actor, boolean automatic, @Nullable String missed, @Nullable Instant deadline,
            @Nullable String note, String assignee) {

        static ChaseView of(Chase chase) {
            return new ChaseView(chase.number(), chase.at(), chase.actor(), chase.automatic(), chase.missed(), chase.deadline(), chase.note(),
                    chase.assignee());
        }
    }

    public record ExtensionView(String id, String taskId, int workingDays, String reason, String askedBy, Instant askedAt, String status,
            @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote, @Nullable Instant handleByBefore,
            @Nullable Instant handleByAfter) {

        static ExtensionView of(Extension extension) {
            return new ExtensionView(extension.id().toString(), extension.taskId().toString(), extension.workingDays(), extension.reason(),
                    extension.askedBy(), extension.askedAt(), extension.status().name(), extension.decidedBy(), extension.decidedAt(),
                    extension.decisionNote(), extension.handleByBefore(), extension.handleByAfter());
        }
    }

    public record SendBackView(int number, Instant at, String actor, String reason, @Nullable String note, @Nullable String reassignedTo,
            @Nullable String reassignedBy, @Nullable Instant reassignedAt) {

        static SendBackView of(SendBack sendBack) {
            return new SendBackView(sendBack.number(), sendBack.at(), sendBack.actor(), sendBack.reason().name(), sendBack.note(),
                    sendBack.reassignedTo(), sendBack.reassignedBy(), sendBack.reassignedAt());
        }
    }
}
