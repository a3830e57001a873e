package org.aidline.supervision;

/** How the work-order figures of a county and period are broken down: by the task's village, or by its assignee. */
public enum Breakdown {
    VILLAGE,
    /** By the task's current assignee: after a send-back and reassignment, the one who holds it now. */
    COORDINATOR
}
