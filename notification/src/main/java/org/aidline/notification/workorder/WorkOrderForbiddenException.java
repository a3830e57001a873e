package org.aidline.notification.workorder;

/** The task is visible to the actor, but this hand-off is someone else's to make (the assignee's, or a supervisor's). */
public class WorkOrderForbiddenException extends RuntimeException {

    public WorkOrderForbiddenException(String message) {
        super(message);
    }
}
