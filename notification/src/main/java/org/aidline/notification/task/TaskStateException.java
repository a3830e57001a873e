package org.aidline.notification.task;

/** The task is not in a state that allows the action (completing a task nobody acknowledged, visiting a completed one). */
public class TaskStateException extends RuntimeException {

    private final TaskStatus status;

    public TaskStateException(TaskStatus status, String message) {
        super(message);
        this.status = status;
    }

    public TaskStatus status() {
        return status;
    }
}
