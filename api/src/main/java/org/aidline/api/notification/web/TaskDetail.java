package org.aidline.api.notification.web;

import java.util.List;

/** A task with how it climbed the chain and how each notification of it went. */
public record TaskDetail(TaskView task, List<EscalationView> escalations, List<DeliveryView> notifications) {

    public record EscalationView(int number, java.time.Instant at, String fromUser, String from,
            @org.jspecify.annotations.Nullable String toUser, @org.jspecify.annotations.Nullable String to, String reason) {
    }
}
