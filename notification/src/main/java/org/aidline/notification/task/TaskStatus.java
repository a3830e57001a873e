package org.aidline.notification.task;

/** Where a task stands: assigned and waiting for its acknowledgement, acknowledged, visited, completed. */
public enum TaskStatus {
    ASSIGNED, ACKNOWLEDGED, VISITED, COMPLETED
}
