package org.aidline.notification.workorder;

/** A hand-off the task's state or limits do not allow (a second pending extension, a send-back too late, ...). */
public class WorkOrderRefusedException extends RuntimeException {

    public WorkOrderRefusedException(String message) {
        super(message);
    }
}
