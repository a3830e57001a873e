package org.aidline.notification.task;

/**
 * Where a task stands: assigned and waiting for its acknowledgement, acknowledged, visited,
 * completed; or sent back by its assignee to the county supervisor, who gives it to someone else.
 */
public enum TaskStatus {
    ASSIGNED, ACKNOWLEDGED, VISITED, COMPLETED, SENT_BACK
}
