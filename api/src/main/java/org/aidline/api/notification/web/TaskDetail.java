package org.aidline.api.notification.web;

import java.util.List;

/** A task with how it climbed the chain, how each notification of it went, and its chases, extensions and send-backs. */
public record TaskDetail(TaskView task, List<EscalationView> escalations, List<DeliveryView> notifications,
        List<WorkOrderViews.ChaseView> chases, List<WorkOrderViews.ExtensionView> extensions, List<WorkOrderViews.SendBackView> sendBacks) {

    public record EscalationView(int number, java.time.Instant at, String fromUser, String from,
            @org.jspecify.annotations.Nullable String toUser, @org.jspecify.annotations.Nullable String to, String reason) {
    }
}
